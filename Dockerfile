# Accord: one static binary with its migrations, seeds, templates and
# assets embedded. Build: docker build -t accord .
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/accord ./cmd/accord \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/accord /accord
COPY --from=build --chown=nonroot:nonroot /out/data /data
USER nonroot:nonroot
ENV ACCORD_LISTEN=:8080 \
    ACCORD_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["/accord"]
CMD ["serve"]
