// The contract driver: runs one call of Ankra's own client code (internal/client/support.go) against the
// API at ANKRA_BASE_URL with the token ANKRA_TOKEN, and prints what the client made of the answer.
//
//	driver <call> < request.json
//
// <call> is review, create, list, get, comment, upload or close; the request's JSON is the client's own
// request struct (its json tags) or, for the calls that take plain arguments, {"ticket_id", "body", "path"}.
// It prints one JSON object: {"result": <the client's parsed answer, marshalled back>, "error": null or
// {"sentinel": <the client's sentinel error, or "">, "status": <HTTP status, when not a sentinel>, "message"}}.
// Exit status 0 whatever the client returned; 2 when the driver itself is misused.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"ankra/internal/client"
)

// ticketArgs are the plain arguments of get, comment, upload and close.
type ticketArgs struct {
	TicketID string `json:"ticket_id"`
	Body     string `json:"body"`
	Path     string `json:"path"`
}

func main() {
	if len(os.Args) != 2 {
		fail("usage: driver <call> < request.json")
	}
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail("read stdin: " + err.Error())
	}
	api := &client.Client{
		BaseURL: os.Getenv("ANKRA_BASE_URL"),
		Token:   os.Getenv("ANKRA_TOKEN"),
		HTTP:    &http.Client{Timeout: 30 * time.Second},
	}
	result, callErr := run(context.Background(), api, os.Args[1], input)
	out := map[string]interface{}{"result": result, "error": nil}
	if callErr != nil {
		out["result"] = nil
		out["error"] = describe(callErr)
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fail("write result: " + err.Error())
	}
}

func run(ctx context.Context, api *client.Client, call string, input []byte) (interface{}, error) {
	switch call {
	case "review":
		var req client.ReviewSupportTicketRequest
		decode(input, &req)
		return api.ReviewSupportTicket(ctx, req)
	case "create":
		var req client.CreateSupportTicketRequest
		decode(input, &req)
		return api.CreateSupportTicket(ctx, req)
	case "list":
		var opts client.ListSupportTicketsOptions
		decode(input, &opts)
		return api.ListSupportTickets(ctx, opts)
	}
	var args ticketArgs
	decode(input, &args)
	switch call {
	case "get":
		return api.GetSupportTicket(ctx, args.TicketID)
	case "comment":
		return api.CommentSupportTicket(ctx, args.TicketID, args.Body)
	case "upload":
		return api.UploadSupportAttachment(ctx, args.TicketID, args.Path)
	case "close":
		return api.CloseSupportTicket(ctx, args.TicketID)
	}
	fail("unknown call " + call)
	return nil, nil
}

// decode refuses unknown keys, so a misspelt field in a test fails instead of being left out of the request.
func decode(input []byte, into interface{}) {
	decoder := json.NewDecoder(bytes.NewReader(input))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(into); err != nil {
		fail("decode request: " + err.Error())
	}
}

func describe(err error) map[string]interface{} {
	out := map[string]interface{}{"sentinel": sentinel(err), "message": err.Error()}
	var unexpected *client.UnexpectedResponseError
	if errors.As(err, &unexpected) {
		out["status"] = unexpected.StatusCode
	}
	return out
}

func sentinel(err error) string {
	switch {
	case errors.Is(err, client.ErrUnauthorized):
		return "ErrUnauthorized"
	case errors.Is(err, client.ErrSupportTicketNotFound):
		return "ErrSupportTicketNotFound"
	case errors.Is(err, client.ErrSupportReviewRequired):
		return "ErrSupportReviewRequired"
	}
	return ""
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, "driver: "+message)
	os.Exit(2)
}
