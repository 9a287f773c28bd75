-- Issue 12 §11: a finding that would disqualify the household is dismissed as a false positive only with evidence and
-- the confirmation of a second person (a review of kind CONFIRMATION answering the dismissal).
alter table verification_review drop constraint verification_review_kind_check;
alter table verification_review add constraint verification_review_kind_check
    check (kind in ('CLASSIFICATION', 'OBJECTION', 'RE_REVIEW', 'CONFIRMATION'));
