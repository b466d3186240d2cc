package memberimport

import (
	"fmt"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/namekey"
)

// The columns an import reads (docs/api.md, Importing members), in the
// order the preview shows them.
const (
	ColName               = "name"
	ColNameEN             = "name_en"
	ColAcronym            = "acronym"
	ColCountry            = "country"
	ColCity               = "city"
	ColRegistrationNumber = "registration_number"
	ColEmail              = "email"
	ColWebsite            = "website"
	ColMemberSince        = "member_since"
)

// Columns lists every column an import reads.
var Columns = []string{ColName, ColNameEN, ColAcronym, ColCountry, ColCity, ColRegistrationNumber, ColEmail, ColWebsite, ColMemberSince}

// headerNames are the headers people write for each column, in English,
// French, Spanish and Arabic, besides the column's own name. They are
// compared by namekey, so case, accents, punctuation and Arabic spelling
// variants do not matter.
var headerNames = map[string][]string{
	ColName: {"name", "organization", "organisation", "organization name", "organisation name", "name of organization",
		"nom", "nom de l organisation", "organisation", "raison sociale",
		"nombre", "organización", "nombre de la organización",
		"الاسم", "اسم المنظمة", "المنظمة", "اسم الجمعية", "الجمعية", "اسم المؤسسة"},
	ColNameEN: {"name en", "english name", "name english", "name in english",
		"nom en anglais", "nom anglais", "nom en",
		"nombre en inglés", "nombre inglés", "nombre en",
		"الاسم بالإنجليزية", "الاسم بالانكليزية", "الاسم الإنجليزي", "الاسم باللغة الإنجليزية"},
	ColAcronym: {"acronym", "abbreviation", "short name",
		"sigle", "acronyme",
		"sigla", "siglas", "acrónimo",
		"الاختصار", "المختصر", "الاسم المختصر"},
	ColCountry: {"country", "pays", "país", "البلد", "الدولة", "بلد"},
	ColCity:    {"city", "town", "ville", "ciudad", "المدينة"},
	ColRegistrationNumber: {"registration number", "registration no", "registration", "reg no",
		"numéro d enregistrement", "n d enregistrement", "numéro d immatriculation", "numéro de récépissé", "enregistrement",
		"número de registro", "nº de registro", "registro",
		"رقم التسجيل", "رقم القيد", "رقم الترخيص"},
	ColEmail: {"email", "e mail", "email address", "mail",
		"courriel", "adresse e mail", "adresse électronique",
		"correo electrónico", "correo",
		"البريد الإلكتروني", "البريد الالكتروني", "البريد"},
	ColWebsite: {"website", "web site", "web", "url", "site",
		"site web", "site internet",
		"sitio web", "página web",
		"الموقع الإلكتروني", "الموقع الالكتروني", "الموقع"},
	ColMemberSince: {"member since", "membership date", "joined", "date joined", "since",
		"membre depuis", "date d adhésion", "adhésion", "depuis",
		"miembro desde", "fecha de adhesión", "desde",
		"عضو منذ", "تاريخ العضوية", "تاريخ الانضمام", "منذ"},
}

// headerIndex maps a header's namekey to its column.
var headerIndex = func() map[string]string {
	out := map[string]string{}
	for col, names := range headerNames {
		out[namekey.Of(col)] = col
		for _, n := range names {
			out[namekey.Of(n)] = col
		}
	}
	return out
}()

// layout is where each column is in a file, and the headers not read.
type layout struct {
	index   map[string]int
	ignored []string
}

// readHeader recognises the header row. A file without a name or a
// country column, or naming one column twice, is refused as a whole:
// no row of it could be read right.
func readHeader(header []string) (layout, error) {
	l := layout{index: map[string]int{}}
	var v accord.Validation
	for i, h := range header {
		col, ok := headerIndex[namekey.Of(h)]
		if !ok {
			if h != "" {
				l.ignored = append(l.ignored, h)
			}
			continue
		}
		if _, dup := l.index[col]; dup {
			v.Add("file", fmt.Sprintf("two columns are %s: %q", col, h))
			continue
		}
		l.index[col] = i
	}
	for _, col := range []string{ColName, ColCountry} {
		if _, ok := l.index[col]; !ok {
			v.Add("file", "no column for "+col)
		}
	}
	if err := v.Err(); err != nil {
		return l, accord.Invalid("the header row does not name the columns an import needs", err.(*accord.Error).Fields...)
	}
	return l, nil
}

// cell is the value of col in a row, or "".
func (l layout) cell(cells []string, col string) string {
	i, ok := l.index[col]
	if !ok || i >= len(cells) {
		return ""
	}
	return cells[i]
}
