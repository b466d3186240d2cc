package report

import "github.com/accord-coalition/accord/internal/export"

// col builds a column with its header in the four languages, in the order
// ar, en, fr, es.
func col(key string, width float64, rtl bool, ar, en, fr, es string) export.Column {
	return export.Column{Key: key, Width: width, RTL: rtl,
		Header: map[string]string{"ar": ar, "en": en, "fr": fr, "es": es}}
}

// columns are every column any list has, by key. A list picks its own;
// the same column reads the same in every list.
var columns = map[string]export.Column{
	"name": col("name", 34, true,
		"الاسم بلغته الأصلية", "Name (original script)", "Nom (écriture d'origine)", "Nombre (escritura original)"),
	"name_en": col("name_en", 34, false,
		"الاسم بالإنجليزية", "Name in English", "Nom en anglais", "Nombre en inglés"),
	"acronym": col("acronym", 10, false, "الاختصار", "Acronym", "Sigle", "Sigla"),
	"country_code": col("country_code", 8, false,
		"رمز البلد", "Country code", "Code pays", "Código de país"),
	"country": col("country", 18, false, "البلد", "Country", "Pays", "País"),
	"region":  col("region", 8, false, "المنطقة", "Region", "Région", "Región"),
	"city":    col("city", 14, false, "المدينة", "City", "Ville", "Ciudad"),
	"website": col("website", 26, false,
		"الموقع الإلكتروني", "Website", "Site web", "Sitio web"),
	"email": col("email", 26, false,
		"البريد الإلكتروني", "Email", "Courriel", "Correo electrónico"),
	"phone": col("phone", 16, false, "الهاتف", "Phone", "Téléphone", "Teléfono"),
	"ecosoc": col("ecosoc", 10, false,
		"المركز الاستشاري لدى المجلس الاقتصادي والاجتماعي", "ECOSOC status", "Statut ECOSOC", "Carácter consultivo ECOSOC"),
	"accredited_on": col("accredited_on", 13, false,
		"تاريخ الاعتماد", "Accredited on", "Accréditée le", "Acreditada el"),
	"decision_reference": col("decision_reference", 14, false,
		"مرجع القرار", "Decision reference", "Référence de la décision", "Referencia de la decisión"),
	"list": col("list", 6, false, "رقم القائمة", "List", "Liste", "Lista"),
	"list_number": col("list_number", 9, false,
		"الرقم في القائمة", "No. on list", "N° sur la liste", "N.º en la lista"),
	"year_founded": col("year_founded", 10, false,
		"سنة التأسيس", "Founded", "Fondée en", "Fundada en"),
	"state": col("state", 12, false, "الحالة", "State", "État", "Estado"),
	"objection_deadline": col("objection_deadline", 12, false,
		"الموعد النهائي للاعتراض", "Objection deadline", "Date limite des objections", "Plazo para objeciones"),
	"family_name": col("family_name", 18, false,
		"اسم العائلة (كما في جواز السفر)", "Family name (passport)", "Nom (passeport)", "Apellido (pasaporte)"),
	"given_name": col("given_name", 18, false,
		"الاسم الأول (كما في جواز السفر)", "Given name (passport)", "Prénom (passeport)", "Nombre (pasaporte)"),
	"family_name_original": col("family_name_original", 18, true,
		"اسم العائلة بلغته الأصلية", "Family name (original script)", "Nom (écriture d'origine)", "Apellido (escritura original)"),
	"given_name_original": col("given_name_original", 18, true,
		"الاسم الأول بلغته الأصلية", "Given name (original script)", "Prénom (écriture d'origine)", "Nombre (escritura original)"),
	"title": col("title", 8, false, "اللقب", "Title", "Titre", "Tratamiento"),
	"role": col("role", 18, false,
		"الصفة في المنظمة", "Role in the organisation", "Fonction dans l'organisation", "Cargo en la organización"),
	"organization": col("organization", 30, true,
		"المنظمة", "Organisation", "Organisation", "Organización"),
	"organization_en": col("organization_en", 30, false,
		"المنظمة بالإنجليزية", "Organisation (English)", "Organisation (anglais)", "Organización (inglés)"),
	"nationality_code": col("nationality_code", 8, false,
		"رمز الجنسية", "Nationality code", "Code nationalité", "Código de nacionalidad"),
	"nationality": col("nationality", 19, false,
		"الجنسية", "Nationality", "Nationalité", "Nacionalidad"),
	"member_since": col("member_since", 12, false,
		"عضو منذ", "Member since", "Membre depuis", "Miembro desde"),
	"renewal_due": col("renewal_due", 12, false,
		"موعد التجديد", "Renewal due", "Renouvellement dû le", "Renovación el"),
	"delegate_id": col("delegate_id", 38, false,
		"معرّف المندوب", "Delegate ID", "Identifiant du délégué", "Identificador del delegado"),
	"conference": col("conference", 10, false, "المؤتمر", "Conference", "Conférence", "Conferencia"),
	"badge_url": col("badge_url", 60, false,
		"رابط التحقق من الشارة", "Badge verification link", "Lien de vérification du badge", "Enlace de verificación de la credencial"),
}
