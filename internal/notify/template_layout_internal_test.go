package notify

import "testing"

// TestLayoutJoinsTheCatalogEntries pins whole messages, so that a change
// of layout — a paragraph lost, a sentence joined to the wrong one, an
// optional comment leaving a gap — shows as a difference in what people
// read.
func TestLayoutJoinsTheCatalogEntries(t *testing.T) {
	for _, tc := range []struct {
		name, locale  string
		data          map[string]any
		subject, body string
	}{
		{"application_update", "en",
			map[string]any{"event": "approve", "organization": "Org", "comment": "", "deadline": "2026-05-01 09:00 UTC", "url": "http://a"},
			"Welcome to the coalition: Org",
			"Dear colleagues of Org,\n\nYour application has been approved: Org is now a member of the coalition. Welcome!\n\n" +
				"Once a year, around the anniversary of your membership, you will be asked to reconfirm your declarations.\n\n" +
				"See your application in Accord: http://a\n\n—\nThe coalition secretariat, through Accord.\n" +
				"This message was sent automatically. All your messages are also in your Accord inbox.\n"},
		{"application_update", "en",
			map[string]any{"event": "approve", "organization": "Org", "comment": "First.\n\nSecond.", "deadline": "", "url": "http://a"},
			"Welcome to the coalition: Org",
			"Dear colleagues of Org,\n\nYour application has been approved: Org is now a member of the coalition. Welcome!\n\n" +
				"First.\n\nSecond.\n\n" +
				"Once a year, around the anniversary of your membership, you will be asked to reconfirm your declarations.\n\n" +
				"See your application in Accord: http://a\n\n—\nThe coalition secretariat, through Accord.\n" +
				"This message was sent automatically. All your messages are also in your Accord inbox.\n"},
		{"accreditation_update", "en",
			map[string]any{"event": "close_period", "state": "accredited", "conference": "Conf", "code": "CoSP11", "comment": "C1", "url": "http://r"},
			"CoSP11: your accreditation request is accepted: your organisation is accredited",
			"Your organisation's request for accreditation to CoSP11 (Conf) is now accepted: your organisation is accredited. " +
				"No State party objected before the deadline. You may now nominate your delegates; their badges are issued by the secretariat.\n\n" +
				"Message from the secretariat:\nC1\n\nSee your request in Accord: http://r\n\n—\nThe coalition secretariat, through Accord.\n" +
				"This message was sent automatically. All your messages are also in your Accord inbox.\n"},
		{"accreditation_update", "ar-EG",
			map[string]any{"event": "conference_deny", "state": "denied", "conference": "Conf", "code": "CoSP11", "comment": "C1", "url": "http://r"},
			"CoSP11: أصبح طلب الاعتماد الخاص بكم مرفوضًا بقرار من المؤتمر",
			"أصبح طلب اعتماد منظمتكم لدى Conf (CoSP11) مرفوضًا بقرار من المؤتمر.\n\nمرجع قرار المؤتمر:\nC1\n\n" +
				"للاطلاع على طلبكم في منصة Accord: http://r\n\n—\nأمانة التحالف، عبر منصة Accord.\n" +
				"أُرسلت هذه الرسالة تلقائيًا. تجد جميع رسائلك أيضًا في صندوق الوارد الخاص بك على المنصة.\n"},
	} {
		r, err := render(tc.name, tc.locale, tc.data)
		if err != nil {
			t.Fatalf("%s %s: %v", tc.name, tc.locale, err)
		}
		if r.Subject != tc.subject || r.Body != tc.body {
			t.Errorf("%s %s:\nsubject %q\nwant    %q\nbody %q\nwant %q", tc.name, tc.locale, r.Subject, tc.subject, r.Body, tc.body)
		}
	}
}
