//go:build ignore

// Command gen writes seeds/regions.csv and seeds/countries.csv: the
// coalition's five regions and every officially assigned ISO 3166-1 alpha-2
// code with its names in Arabic, English, French and Spanish and its
// coalition region. Run it from the repository root:
//
//	go run seeds/gen/main.go
//
// # Names
//
// Names come from CLDR through golang.org/x/text/language/display, so that
// they match what people see in their own software. The overrides below
// replace CLDR where it would put the wrong word in a UN-style list:
//
//   - names a country has changed since the CLDR release x/text carries
//     (North Macedonia, Eswatini, Türkiye, Cabo Verde) and the names the
//     country asks not to be translated (Côte d'Ivoire, also in Arabic);
//   - the names UN documents use where CLDR differs: State of Palestine,
//     Falkland Islands (Malvinas), Holy See, Congo and Democratic Republic
//     of the Congo, Myanmar, Timor-Leste in French;
//   - CLDR's menu abbreviations ("St.", "&", "U.S.", "EE. UU.", "SAR China",
//     "Congo - Kinshasa"), spelled out; the typographic apostrophe becomes
//     the ASCII one people type when they search;
//   - the two halves of Saint Martin, which CLDR names almost alike in
//     Arabic, carry ISO's "(French part)" and "(Dutch part)".
//
// Common short names stay as CLDR has them (Russia, Iran, Syria, South
// Korea, Vietnam, Bolivia, …) rather than the long UN forms, because people
// pick their country from a list. Taiwan and Western Sahara follow CLDR;
// Western Sahara's CLDR names are also the UN's.
//
// # Regions
//
// The coalition's regions are its own, not the UN regional groups. Each
// country starts from its UN M49 geographic region and is mapped so:
//
//   - MENA: the Arab League states of North Africa and Western Asia —
//     Algeria, Bahrain, Egypt, Iraq, Jordan, Kuwait, Lebanon, Libya,
//     Mauritania, Morocco, Oman, Palestine, Qatar, Saudi Arabia, Sudan,
//     Syria, Tunisia, the United Arab Emirates, Yemen — plus Western Sahara,
//     Iran and Israel. Djibouti, Somalia and the Comoros, though in the Arab
//     League, are AFR, as in most NGO networks' Africa programmes.
//   - ECA: all of Europe, with Türkiye, Cyprus, Russia, the Caucasus
//     (Armenia, Azerbaijan, Georgia) and Central Asia (Kazakhstan,
//     Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan).
//   - ASP: the rest of Asia — South Asia with Afghanistan and Pakistan, East
//     and South-East Asia — and Oceania.
//   - AME: North, Central and South America and the Caribbean.
//   - AFR: sub-Saharan Africa.
//
// Territories follow their geography, as M49 places them: Greenland and
// Bermuda in AME; Réunion, Mayotte, Saint Helena, the French Southern
// Territories and the British Indian Ocean Territory in AFR; Bouvet Island
// and South Georgia (South Atlantic, M49 South America) in AME; Heard and
// McDonald Islands, Christmas Island, the Cocos Islands and the United
// States Minor Outlying Islands (mostly in the Pacific) in ASP. Antarctica,
// which M49 leaves unplaced, is AME: South America is the nearest continent.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// regions are the coalition's five regions with their names.
var regions = [][5]string{
	// code, ar, en, fr, es
	{"AFR", "أفريقيا", "Africa", "Afrique", "África"},
	{"AME", "الأمريكتان", "Americas", "Amériques", "Américas"},
	{"ASP", "آسيا والمحيط الهادئ", "Asia-Pacific", "Asie-Pacifique", "Asia-Pacífico"},
	{"ECA", "أوروبا وآسيا الوسطى", "Europe and Central Asia", "Europe et Asie centrale", "Europa y Asia Central"},
	{"MENA", "الشرق الأوسط وشمال أفريقيا", "Middle East and North Africa", "Moyen-Orient et Afrique du Nord", "Oriente Medio y Norte de África"},
}

// members lists every officially assigned ISO 3166-1 alpha-2 code under its
// coalition region; x/text cannot enumerate them, so they are listed here.
var members = map[string]string{
	"MENA": `
		DZ EG EH LY MA MR SD TN
		AE BH IQ JO KW LB OM PS QA SA SY YE
		IL IR`,
	"AFR": `
		AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW KE KM LR LS
		MG ML MU MW MZ NA NE NG RW SC SL SN SO SS ST SZ TD TG TZ UG ZA ZM ZW
		IO RE SH TF YT`,
	"AME": `
		AG AR BB BO BR BS BZ CA CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC
		MX NI PA PE PY SR SV TT US UY VC VE
		AI AW BL BM BQ CW FK GF GL GP KY MF MQ MS PM PR SX TC VG VI
		AQ BV GS`,
	"ASP": `
		AF BD BT IN LK MV NP PK
		CN HK JP KP KR MN MO TW
		BN ID KH LA MM MY PH SG TH TL VN
		AU FJ FM KI MH NR NZ PG PW SB TO TV VU WS
		AS CC CK CX GU HM MP NC NF NU PF PN TK UM WF`,
	"ECA": `
		AD AL AT BA BE BG BY CH CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT
		LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM UA VA
		AX FO GG GI IM JE SJ
		AM AZ CY GE TR
		KG KZ TJ TM UZ`,
}

// isoCodes is how many alpha-2 codes ISO 3166-1 officially assigns.
const isoCodes = 249

var langs = []language.Tag{language.Arabic, language.English, language.French, language.Spanish}

// overrides replaces CLDR's names; see the package comment for why. The
// empty string keeps CLDR's name in that language.
var overrides = map[string][4]string{
	// code: ar, en, fr, es
	"BQ": {"بونير وسينت أوستاتيوس وسابا", "Bonaire, Sint Eustatius and Saba", "Bonaire, Saint-Eustache et Saba", "Bonaire, San Eustaquio y Saba"},
	"CD": {"جمهورية الكونغو الديمقراطية", "Democratic Republic of the Congo", "République démocratique du Congo", ""},
	"CG": {"الكونغو", "Congo", "Congo", "Congo"},
	"CI": {"كوت ديفوار", "", "", ""},
	"CV": {"كابو فيردي", "Cabo Verde", "Cabo Verde", ""},
	"FK": {"جزر فوكلاند (مالفيناس)", "Falkland Islands (Malvinas)", "Îles Falkland (Malvinas)", "Islas Malvinas (Falkland)"},
	"GS": {"", "South Georgia and the South Sandwich Islands", "", ""},
	"HK": {"هونغ كونغ (الصين)", "Hong Kong, China", "Hong Kong (Chine)", "Hong Kong (China)"},
	"HM": {"", "Heard Island and McDonald Islands", "", ""},
	"MF": {"سان مارتن (الجزء الفرنسي)", "Saint Martin (French part)", "Saint-Martin (partie française)", "San Martín (parte francesa)"},
	"MK": {"مقدونيا الشمالية", "North Macedonia", "Macédoine du Nord", "Macedonia del Norte"},
	"MM": {"ميانمار", "Myanmar", "Myanmar", "Myanmar"},
	"MO": {"ماكاو (الصين)", "Macao, China", "Macao (Chine)", "Macao (China)"},
	"MQ": {"مارتينيك", "", "", ""},
	"PS": {"دولة فلسطين", "State of Palestine", "État de Palestine", "Estado de Palestina"},
	"SX": {"سينت مارتن (الجزء الهولندي)", "Sint Maarten (Dutch part)", "", "Sint Maarten (parte neerlandesa)"},
	"SZ": {"إسواتيني", "Eswatini", "Eswatini", "Eswatini"},
	"TL": {"تيمور - ليشتي", "", "Timor-Leste", ""},
	"TR": {"", "Türkiye", "Türkiye", "Türkiye"},
	"UM": {"", "United States Minor Outlying Islands", "", "Islas Ultramarinas Menores de los Estados Unidos"},
	"VA": {"الكرسي الرسولي", "Holy See", "Saint-Siège", "Santa Sede"},
	"VC": {"", "Saint Vincent and the Grenadines", "", ""},
	"VI": {"", "United States Virgin Islands", "", "Islas Vírgenes de los Estados Unidos"},
}

// spelledOut expands CLDR's menu abbreviations everywhere they remain.
var spelledOut = strings.NewReplacer(
	"St. ", "Saint ",
	" & ", " and ",
	"’", "'",
)

func main() {
	dir := flag.String("dir", "seeds", "folder to write regions.csv and countries.csv into")
	flag.Parse()
	rows, err := countryRows()
	if err != nil {
		log.Fatal(err)
	}
	var regionRows [][]string
	for _, r := range regions {
		regionRows = append(regionRows, r[:])
	}
	if err := write(filepath.Join(*dir, "regions.csv"), []string{"code", "name_ar", "name_en", "name_fr", "name_es"}, regionRows); err != nil {
		log.Fatal(err)
	}
	if err := write(filepath.Join(*dir, "countries.csv"), []string{"code", "region", "name_ar", "name_en", "name_fr", "name_es"}, rows); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("wrote %d regions and %d countries to %s\n", len(regionRows), len(rows), *dir)
}

// countryRows checks every code against x/text and names it in each language.
func countryRows() ([][]string, error) {
	var rows [][]string
	seen := map[string]string{}
	for _, r := range regions {
		for _, code := range strings.Fields(members[r[0]]) {
			if other, dup := seen[code]; dup {
				return nil, fmt.Errorf("%s listed in both %s and %s", code, other, r[0])
			}
			seen[code] = r[0]
			reg, err := language.ParseRegion(code)
			if err != nil || reg.String() != code || !reg.IsCountry() {
				return nil, fmt.Errorf("%s is not an ISO 3166-1 country code (parsed %v, %v)", code, reg, err)
			}
			row := []string{code, r[0]}
			for i, tag := range langs {
				name := overrides[code][i]
				if name == "" {
					name = spelledOut.Replace(display.Regions(tag).Name(reg))
				}
				if name == "" {
					return nil, fmt.Errorf("%s has no %s name: add one to overrides", code, tag)
				}
				row = append(row, name)
			}
			rows = append(rows, row)
		}
	}
	if len(members) != len(regions) {
		return nil, fmt.Errorf("members names %d regions, want %d", len(members), len(regions))
	}
	if len(rows) != isoCodes {
		return nil, fmt.Errorf("%d codes listed, want %d", len(rows), isoCodes)
	}
	for code := range overrides {
		if _, ok := seen[code]; !ok {
			return nil, fmt.Errorf("override for unlisted code %s", code)
		}
	}
	slices.SortFunc(rows, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return rows, nil
}

// write writes an RFC 4180 file: UTF-8 without BOM, CRLF line ends, header
// first.
func write(path string, header []string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.UseCRLF = true
	w.Write(header)
	w.WriteAll(rows)
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
