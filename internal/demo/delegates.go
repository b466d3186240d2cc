package demo

import (
	"context"
	"fmt"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

// delegates are the people the two organisations admitted on ECOSOC
// status send to the conference, nominated through the real service, so
// that the secretariat's participants list has work on it: names in both
// scripts, some needing a visa letter, none confirmed yet.
var delegates = map[string][]accreditation.DelegateInput{
	orgEgypt: {
		{GivenName: "Ahmed", FamilyName: "Abdel-Rahman", GivenNameOriginal: "أحمد", FamilyNameOriginal: "عبد الرحمن", Title: "Dr", Gender: "male", Nationality: "EG", NeedsVisaLetter: true},
		{GivenName: "Mona", FamilyName: "El-Sayed", GivenNameOriginal: "منى", FamilyNameOriginal: "السيد", Gender: "female", Nationality: "EG", NeedsVisaLetter: true},
		{GivenName: "Karim", FamilyName: "Fawzy", GivenNameOriginal: "كريم", FamilyNameOriginal: "فوزي", Gender: "male", Nationality: "EG"},
		{GivenName: "Nour", FamilyName: "Hassan", GivenNameOriginal: "نور", FamilyNameOriginal: "حسن", Gender: "female", Nationality: "EG", NeedsVisaLetter: true},
		{GivenName: "Yasmine", FamilyName: "Adel", GivenNameOriginal: "ياسمين", FamilyNameOriginal: "عادل", Gender: "female", Nationality: "EG"},
		{GivenName: "Omar", FamilyName: "Khalil", GivenNameOriginal: "عمر", FamilyNameOriginal: "خليل", Gender: "male", Nationality: "EG"},
	},
	orgKenya: {
		{GivenName: "Wanjiru", FamilyName: "Kamau", Gender: "female", Nationality: "KE", NeedsVisaLetter: true},
		{GivenName: "Otieno", FamilyName: "Odhiambo", Gender: "male", Nationality: "KE"},
		{GivenName: "Amani", FamilyName: "Mwangi", Gender: "female", Nationality: "KE", NeedsVisaLetter: true},
		{GivenName: "Baraka", FamilyName: "Kiprono", Gender: "male", Nationality: "KE"},
		{GivenName: "Zawadi", FamilyName: "Achieng", Gender: "female", Nationality: "KE"},
		{GivenName: "Juma", FamilyName: "Mutua", Gender: "male", Nationality: "KE"},
	},
}

// nominateDelegates nominates the demo's delegates as their
// organisations' staff would.
func nominateDelegates(ctx context.Context, accr Accreditation, staff map[string]accord.Actor, requests map[string]*accreditation.RequestView) error {
	for _, org := range []string{orgEgypt, orgKenya} {
		for _, in := range delegates[org] {
			if _, err := accr.Nominate(ctx, staff[org], requests[org].ID, in); err != nil {
				return fmt.Errorf("demo delegate %s %s: %w", in.GivenName, in.FamilyName, err)
			}
		}
	}
	return nil
}
