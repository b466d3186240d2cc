# Accord: one static binary with its migrations, seeds, templates and
# assets embedded. Build: docker build -t accord .
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/accord ./cmd/accord \
 && mkdir -p -m 0700 /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/accord /accord
# The data directory holds the database and the secret key: its owner only.
COPY --from=build --chown=nonroot:nonroot --chmod=0700 /out/data /data
USER nonroot:nonroot
ENV ACCORD_LISTEN=:8080 \
    ACCORD_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["/accord"]
CMD ["serve"]
