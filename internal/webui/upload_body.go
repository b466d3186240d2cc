package webui

import (
	"github.com/accord-coalition/accord/internal/membership"
)

const (
	// webUploadLimit caps a form that carries a document. It is well above
	// the document limit, so that a file a little too large still arrives
	// whole and is refused by the service, beside the file field, in the
	// reader's language; only a body far beyond is cut off here.
	webUploadLimit = 2*membership.MaxDocumentBytes + 1<<20
	// uploadMemory is how much of a multipart form is held in memory; the
	// rest of a file waits in a temporary file, removed after the request.
	uploadMemory = 1 << 20
)
