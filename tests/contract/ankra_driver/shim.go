// Package client: our stand-ins for the pieces of Ankra's client package that internal/client/support.go
// uses but that live elsewhere in ankra-cli (the Client struct and its error helpers). At test time this file
// is compiled beside an unmodified copy of support.go; nothing of Ankra's is kept in this project.
package client

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

// Client carries what support.go reads: the API's base URL, the bearer token and the HTTP client.
type Client struct {
	BaseURL string
	Token   string
	HTTP    *http.Client
}

// ErrUnauthorized is what support.go returns on HTTP 401.
var ErrUnauthorized = errors.New("unauthorized: check your API token")

// UnexpectedResponseError is any status support.go has no sentinel for; the driver reports its status.
type UnexpectedResponseError struct {
	Message    string
	StatusCode int
	Body       string
}

func (e *UnexpectedResponseError) Error() string {
	return fmt.Sprintf("%s (HTTP %d): %s", e.Message, e.StatusCode, e.Body)
}

func newUnexpectedResponseError(message string, statusCode int, body string) error {
	return &UnexpectedResponseError{Message: message, StatusCode: statusCode, Body: body}
}

// redactedBodyForError keeps at most limit bytes of an error body (the sandbox sends no secrets to redact).
func redactedBodyForError(body []byte, limit int) string {
	if len(body) > limit {
		return string(body[:limit]) + "..."
	}
	return string(body)
}

func closeBody(resp *http.Response) {
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}

// readResponseBody reads the whole answer, up to 10 MiB (more would be a sandbox bug).
func readResponseBody(resp *http.Response) ([]byte, error) {
	return io.ReadAll(io.LimitReader(resp.Body, 10<<20))
}
