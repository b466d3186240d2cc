package webui

import "github.com/accord-coalition/accord/internal/accord"

// navEntry is a header link: its address and the catalog key of its label.
type navEntry struct{ href, key string }

// accreditationNav are the header links to the accreditation pages for a
// role: applicants to their requests, the secretariat to its desks and
// the door, States parties to the lists circulated to them.
func accreditationNav(role accord.Role) []navEntry {
	switch role {
	case accord.RoleApplicant:
		return []navEntry{{"/accreditation", "nav.accreditation"}}
	case accord.RoleSecretariat:
		return []navEntry{
			{"/accreditation", "nav.conference_desk"},
			{"/screening", "nav.screening"},
			{"/checkin", "nav.checkin"},
		}
	case accord.RoleStateParty:
		return []navEntry{{"/accreditation", "nav.circulated_lists"}}
	case accord.RoleDoor:
		return doorNav
	}
	return nil
}
