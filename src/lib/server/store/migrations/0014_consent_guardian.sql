-- A child's consent is their parent's or guardian's (Decree 13/2023/NĐ-CP, Art. 20), and a
-- consent "by a guardian" said nothing of who the guardian was. The guardian's full name, for
-- method 'guardian' (services/residents.ts consentFitsPerson). Consents recorded before this
-- keep NULL: the name was never asked, and is not made up.
ALTER TABLE consents ADD COLUMN guardian_name TEXT;
