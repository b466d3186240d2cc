package demo

import (
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
)

// Fixed ids keep the data idempotent and let the README and tests point at
// known records.
const (
	orgEgypt     = "0d7c2a8e-0000-4000-8000-000000000001"
	orgMorocco   = "0d7c2a8e-0000-4000-8000-000000000002"
	orgJordan    = "0d7c2a8e-0000-4000-8000-000000000003"
	orgTunisia   = "0d7c2a8e-0000-4000-8000-000000000004"
	orgKenya     = "0d7c2a8e-0000-4000-8000-000000000005"
	orgBrazil    = "0d7c2a8e-0000-4000-8000-000000000006"
	orgIndonesia = "0d7c2a8e-0000-4000-8000-000000000007"
	orgFrance    = "0d7c2a8e-0000-4000-8000-000000000008"
	orgLebanon   = "0d7c2a8e-0000-4000-8000-000000000009"
	orgColombia  = "0d7c2a8e-0000-4000-8000-00000000000a"
	conferenceID = "0d7c2a8e-0000-4000-8000-0000000000c1"
)

func year(y int) *int { return &y }

var allDeclared = membership.Declarations{NonProfit: true, IndependentOfGovernment: true, NotPoliticalParty: true, AdheresToValues: true}

// organizations are the demo NGOs. Names are in their own script; the
// Arabic ones exercise right-to-left pages and exports.
var organizations = []membership.Organization{
	{ID: orgEgypt, Name: "الجمعية المصرية للشفافية", NameEN: "Egyptian Transparency Association", Acronym: "ETA",
		Country: "EG", City: "القاهرة", RegistrationNumber: "EG-2011-4471", RegistrationAuthority: "وزارة التضامن الاجتماعي",
		YearFounded: year(2011), Website: "https://eta.example.org", Email: "info@eta.example.org", Phone: "+20 2 2345 6789",
		Areas: store.StringList{"procurement", "access to information"}, UNCACChapters: store.StringList{"II", "V"},
		EcosocStatus: membership.EcosocSpecial, EcosocSince: year(2016), Declarations: allDeclared},
	{ID: orgMorocco, Name: "الهيئة المغربية لمكافحة الرشوة", NameEN: "Moroccan Anti-Bribery Network", Acronym: "MABN",
		Country: "MA", City: "الرباط", RegistrationNumber: "MA-RB-1999-12", RegistrationAuthority: "Wilaya de Rabat",
		YearFounded: year(1999), Website: "https://mabn.example.org", Email: "contact@mabn.example.org",
		Areas: store.StringList{"justice", "whistleblower protection"}, UNCACChapters: store.StringList{"III", "IV"},
		EcosocStatus: membership.EcosocNone, Declarations: allDeclared},
	{ID: orgJordan, Name: "مركز النزاهة الأردني", NameEN: "Jordan Integrity Centre", Acronym: "JIC",
		Country: "JO", City: "عمّان", RegistrationNumber: "JO-55120", YearFounded: year(2008),
		Website: "https://jic.example.org", Email: "office@jic.example.org",
		Areas: store.StringList{"public finance"}, UNCACChapters: store.StringList{"II"},
		EcosocStatus: membership.EcosocNone, Declarations: allDeclared},
	{ID: orgTunisia, Name: "جمعية الرقابة المواطنية", NameEN: "Citizen Oversight Association", Acronym: "COA",
		Country: "TN", City: "تونس", RegistrationNumber: "TN-2012-0931", YearFounded: year(2012),
		Website: "https://coa.example.org", Email: "coa@example.org",
		Areas: store.StringList{"elections", "asset declarations"}, UNCACChapters: store.StringList{"II", "VI"},
		EcosocStatus: membership.EcosocNone, Declarations: allDeclared},
	{ID: orgKenya, Name: "Uwazi Kenya Trust", NameEN: "Uwazi Kenya Trust", Acronym: "UKT",
		Country: "KE", City: "Nairobi", RegistrationNumber: "OP.218/051/2005", YearFounded: year(2005),
		Website: "https://uwazi.example.org", Email: "hello@uwazi.example.org",
		Areas: store.StringList{"asset recovery", "beneficial ownership"}, UNCACChapters: store.StringList{"V"},
		EcosocStatus: membership.EcosocGeneral, EcosocSince: year(2014), Declarations: allDeclared},
	{ID: orgBrazil, Name: "Instituto Transparência Cidadã", NameEN: "Citizen Transparency Institute", Acronym: "ITC",
		Country: "BR", City: "São Paulo", RegistrationNumber: "12.345.678/0001-90", YearFounded: year(2003),
		Website: "https://itc.example.org", Email: "contato@itc.example.org",
		Areas: store.StringList{"procurement", "open data"}, UNCACChapters: store.StringList{"II", "IV"},
		EcosocStatus: membership.EcosocNone, Declarations: allDeclared},
	{ID: orgIndonesia, Name: "Jaringan Antikorupsi Nusantara", NameEN: "Nusantara Anti-Corruption Network", Acronym: "JAN",
		Country: "ID", City: "Jakarta", RegistrationNumber: "AHU-0042.AH.01.07", YearFounded: year(2001),
		Website: "https://jan.example.org", Email: "info@jan.example.org",
		Areas: store.StringList{"extractive industries"}, UNCACChapters: store.StringList{"III"},
		EcosocStatus: membership.EcosocNone, Declarations: allDeclared},
	{ID: orgFrance, Name: "Observatoire de l’Intégrité Publique", NameEN: "Public Integrity Observatory", Acronym: "OIP",
		Country: "FR", City: "Lyon", RegistrationNumber: "W691234567", YearFounded: year(2015),
		Website: "https://oip.example.org", Email: "contact@oip.example.org",
		Areas: store.StringList{"lobbying", "political finance"}, UNCACChapters: store.StringList{"II"},
		EcosocStatus: membership.EcosocRoster, EcosocSince: year(2019), Declarations: allDeclared},
	{ID: orgLebanon, Name: "الشبكة اللبنانية للحق في الوصول إلى المعلومات", NameEN: "Lebanese Right to Know Network", Acronym: "LRKN",
		Country: "LB", City: "بيروت", RegistrationNumber: "LB-1820", YearFounded: year(2010),
		Website: "https://lrkn.example.org", Email: "info@lrkn.example.org",
		Areas: store.StringList{"access to information"}, UNCACChapters: store.StringList{"II"},
		EcosocStatus: membership.EcosocNone, Declarations: allDeclared},
	{ID: orgColombia, Name: "Fundación Cuentas Claras", NameEN: "Clear Accounts Foundation", Acronym: "FCC",
		Country: "CO", City: "Bogotá", RegistrationNumber: "S0012345", YearFounded: year(2009),
		Website: "https://fcc.example.org", Email: "info@fcc.example.org",
		Areas: store.StringList{"public budgets"}, UNCACChapters: store.StringList{"II", "VI"},
		EcosocStatus: membership.EcosocNone, Declarations: allDeclared},
}

// members are the organisations with an active membership; the others are
// in the network without being members yet.
var members = []string{orgEgypt, orgMorocco, orgJordan, orgKenya, orgBrazil, orgIndonesia, orgFrance, orgLebanon}
