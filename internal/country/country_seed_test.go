package country

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/accord-coalition/accord/seeds"
)

const goodRegions = "code,name_ar,name_en,name_fr,name_es\r\n" +
	"AFR,أفريقيا,Africa,Afrique,África\r\n" +
	"AME,الأمريكتان,Americas,Amériques,Américas\r\n" +
	"ASP,آسيا والمحيط الهادئ,Asia-Pacific,Asie-Pacifique,Asia-Pacífico\r\n" +
	"ECA,أوروبا وآسيا الوسطى,Europe and Central Asia,Europe et Asie centrale,Europa y Asia Central\r\n" +
	"MENA,الشرق الأوسط وشمال أفريقيا,Middle East and North Africa,Moyen-Orient et Afrique du Nord,Oriente Medio y Norte de África\r\n"

const countryHead = "code,region,name_ar,name_en,name_fr,name_es\r\n"

func seedFS(regions, countries string) fstest.MapFS {
	return fstest.MapFS{
		seeds.RegionsFile:   {Data: []byte(regions)},
		seeds.CountriesFile: {Data: []byte(countries)},
	}
}

func TestReadSeedsRejectsBadFiles(t *testing.T) {
	cases := []struct {
		name, regions, countries, want string
	}{
		{"region header", strings.Replace(goodRegions, "name_ar", "arabic", 1), countryHead, "header"},
		{"missing region", strings.Replace(goodRegions, "MENA,", "MEA,", 1), countryHead, "holds regions"},
		{"empty region name", strings.Replace(goodRegions, "Africa,", ",", 1), countryHead, "no en name"},
		{"country header", goodRegions, "code,region,ar,en,fr,es\r\n", "header"},
		{"unknown region", goodRegions, countryHead + "EG,NAF,مصر,Egypt,Égypte,Egipto\r\n", "unknown region"},
		{"duplicate code", goodRegions, countryHead + "EG,MENA,مصر,Egypt,Égypte,Egipto\r\neg,MENA,مصر,Egypt,Égypte,Egipto\r\n", "duplicate"},
		{"long code", goodRegions, countryHead + "EGY,MENA,مصر,Egypt,Égypte,Egipto\r\n", "two letters"},
		{"missing field", goodRegions, countryHead + "EG,MENA,مصر,Egypt,Égypte\r\n", "wrong number of fields"},
		{"empty Arabic name", goodRegions, countryHead + "EG,MENA,,Egypt,Égypte,Egipto\r\n", "no ar name"},
		{"empty file", goodRegions, "", "empty"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys := seedFS(tc.regions, tc.countries)
			rs, err := readRegions(fsys)
			if err == nil {
				_, err = readCountries(fsys, rs)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestReadSeedsUppercasesCodes(t *testing.T) {
	fsys := seedFS(goodRegions, countryHead+"eg,mena,مصر,Egypt,Égypte,Egipto\r\n")
	rs, err := readRegions(fsys)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := readCountries(fsys, rs)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].Code != "EG" || cs[0].Region != "MENA" {
		t.Fatalf("read %+v, want EG in MENA", cs)
	}
}

// TestEmbeddedSeedsAreCanonical checks the files as the generator writes
// them: no BOM, CRLF line ends, sorted by code.
func TestEmbeddedSeedsAreCanonical(t *testing.T) {
	for _, name := range []string{seeds.RegionsFile, seeds.CountriesFile} {
		b, err := seeds.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(string(b), "\uFEFF") {
			t.Errorf("%s starts with a BOM", name)
		}
		lines := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
		for i, l := range lines {
			if strings.Contains(l, "\n") {
				t.Fatalf("%s line %d ends without CR", name, i+1)
			}
		}
		for i := 2; i < len(lines); i++ {
			if lines[i-1] >= lines[i] {
				t.Errorf("%s not sorted by code at line %d: %q before %q", name, i+1, lines[i-1][:4], lines[i][:4])
			}
		}
	}
}
