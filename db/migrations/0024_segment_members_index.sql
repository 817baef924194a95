-- The segment builder's count and sample read every member of a program that
-- is not anonymized, with the profile fields its conditions test. This index
-- holds exactly those rows and fields (about 100 bytes a member, against some
-- 230 in the table), in member order, so the count reads it alone (an
-- index-only scan) and joins each member's purchase summary and point account
-- to it. Keep the INCLUDE list in step with the member conditions of
-- db/queries/segments.ts (age and birthday month: birthday; city; consent;
-- enrolment date and channel; tier).
CREATE INDEX IF NOT EXISTS members_segment_idx ON members (program_id, id)
  INCLUDE (tier_key, consent_marketing, consent_personalization, birthday, enrolment_channel, enrolled_at, city)
  WHERE status <> 'anonymized';
