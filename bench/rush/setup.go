package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/synthetic"
)

// setup prepares a scenario's data: organisations from the synthetic
// seed, users made with `accord user create` and signed in over HTTP.
type setup struct {
	db          *store.DB
	accord      string
	bases       []string
	secretariat string // access token
}

const password = "rush bench password 2026"

var client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 128, MaxIdleConns: 256}, Timeout: time.Minute}

// user creates a user of role, attaches it to org (if any) and signs it in.
func (s *setup) user(ctx context.Context, email, role, org string) (string, error) {
	out, err := exec.CommandContext(ctx, s.accord, "user", "create", "--email", email, "--name", "Rush "+role,
		"--role", role, "--password", password).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("user create %s: %v: %s", email, err, out)
	}
	if org != "" {
		if err := s.db.WithContext(ctx).Exec("UPDATE users SET organization_id = ? WHERE email = ?", org, email).Error; err != nil {
			return "", fmt.Errorf("attach %s: %w", email, err)
		}
	}
	var pair struct {
		AccessToken string `json:"access_token"`
	}
	if _, err := call(s.bases[0], "", "POST", "/api/v1/auth/login",
		map[string]string{"email": email, "password": password}, http.StatusOK, &pair); err != nil {
		return "", err
	}
	return pair.AccessToken, nil
}

// nominationRequest is one organisation's accredited request and its
// applicant's token.
type nominationRequest struct{ id, token string }

// nominations seeds n organisations accredited to a conference of their
// own that admits many delegates each, and signs in one applicant each.
func (s *setup) nominations(ctx context.Context, n int) ([]nominationRequest, error) {
	code := fmt.Sprintf("RUSH%d", time.Now().Unix()%100000)
	res, err := synthetic.Seed(ctx, s.db, synthetic.Options{Organizations: n, Conference: code})
	if err != nil {
		return nil, err
	}
	if err := s.db.WithContext(ctx).Exec("UPDATE conferences SET max_delegates = 10000 WHERE id = ?", res.ConferenceID).Error; err != nil {
		return nil, err
	}
	var rows []struct{ ID, OrganizationID string }
	if err := s.db.WithContext(ctx).Raw("SELECT id, organization_id FROM accreditation_requests WHERE conference_id = ? ORDER BY id",
		res.ConferenceID).Scan(&rows).Error; err != nil {
		return nil, err
	}
	reqs := make([]nominationRequest, len(rows))
	for i, r := range rows {
		tok, err := s.user(ctx, strings.ToLower(fmt.Sprintf("rush-%s-%d@ngo.example", code, i)), "applicant", r.OrganizationID)
		if err != nil {
			return nil, err
		}
		reqs[i] = nominationRequest{id: r.ID, token: tok}
	}
	return reqs, nil
}

// badges seeds enough organisations for n confirmed delegates, issues
// their badges as the secretariat over HTTP and returns the badges'
// tokens.
func (s *setup) badges(ctx context.Context, n int) ([]string, error) {
	code := fmt.Sprintf("DOOR%d", time.Now().Unix()%100000)
	res, err := synthetic.Seed(ctx, s.db, synthetic.Options{
		Organizations: (n + synthetic.DelegatesPerOrganization - 1) / synthetic.DelegatesPerOrganization, Conference: code})
	if err != nil {
		return nil, err
	}
	if s.secretariat, err = s.user(ctx, strings.ToLower("rush-door-"+code+"@secretariat.example"), "secretariat", ""); err != nil {
		return nil, err
	}
	var ids []string
	if err := s.db.WithContext(ctx).Raw(`SELECT d.id FROM delegates d JOIN accreditation_requests r ON r.id = d.accreditation_request_id
		WHERE r.conference_id = ? ORDER BY d.id LIMIT ?`, res.ConferenceID, n).Scan(&ids).Error; err != nil {
		return nil, err
	}
	tokens := make([]string, len(ids))
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	work := make(chan int)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				id := ids[i]
				_, err := call(s.bases[0], s.secretariat, "POST", "/api/v1/delegates/"+id+"/transitions",
					map[string]any{"event": "issue_badge", "version": 1}, 0, nil)
				var b struct{ Token string }
				if err == nil {
					_, err = call(s.bases[0], s.secretariat, "GET", "/api/v1/delegates/"+id+"/badge", nil, http.StatusOK, &b)
				}
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				tokens[i] = b.Token
				mu.Unlock()
			}
		}()
	}
	for i := range ids {
		work <- i
	}
	close(work)
	wg.Wait()
	return tokens, firstErr
}

// call sends one JSON request and decodes the answer into out; want 0
// accepts any 2xx status. It returns the status.
func call(base, token, method, path string, body any, want int, out any) (int, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, base+path, rd)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if want != 0 && resp.StatusCode != want || want == 0 && resp.StatusCode/100 != 2 {
		return resp.StatusCode, fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, data)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return resp.StatusCode, fmt.Errorf("%s %s: %w", method, path, err)
		}
	}
	return resp.StatusCode, nil
}
