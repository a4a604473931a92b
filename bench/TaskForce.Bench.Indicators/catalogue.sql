-- The case-record catalogue of TaskForce (CaseIndicators) for region 53.03 and period 2025 (WITA): the same
-- group-bys in SQL, one (key, value) row per cell. Period instants: 2025-01-01 00:00 WITA = 2024-12-31 16:00 UTC.
WITH
cases AS (SELECT DISTINCT case_id, agency, case_type, trafficking, region, kecamatan, consent, reported_at, offence_date, destination,
                 purposes, simfoni, fr_due, fr_at, lp, spdp, p21, putusan, inkracht, rest_ordered, rest_paid FROM victims),
sel AS (SELECT * FROM cases WHERE region = '53.03' AND consent = 1),
inp AS (SELECT *, CAST(reported_at + INTERVAL 8 HOUR AS DATE) AS wita FROM sel
        WHERE reported_at >= TIMESTAMP '2024-12-31 16:00:00' AND reported_at < TIMESTAMP '2025-12-31 16:00:00'),
pv AS (SELECT * FROM victims WHERE region = '53.03' AND consent = 1 AND trafficking = 1 AND person_key IS NOT NULL
         AND reported_at >= TIMESTAMP '2024-12-31 16:00:00' AND reported_at < TIMESTAMP '2025-12-31 16:00:00'),
p AS (SELECT person_key,
        first(sex ORDER BY reported_at, case_id, row_id) FILTER (WHERE sex IS NOT NULL) AS sex,
        first(age ORDER BY reported_at, case_id, row_id) FILTER (WHERE age IS NOT NULL) AS age,
        first(citizenship ORDER BY reported_at, case_id, row_id) FILTER (WHERE citizenship IS NOT NULL) AS cit,
        first(destination ORDER BY reported_at, case_id, row_id) FILTER (WHERE destination IS NOT NULL) AS dest,
        first(migrant ORDER BY reported_at, case_id, row_id) FILTER (WHERE migrant IS NOT NULL) AS mig,
        bit_or(purposes) AS purposes
      FROM pv GROUP BY person_key),
q AS (SELECT coalesce(sex, 'unknown') AS sex,
        CASE WHEN age IS NULL THEN 'unknown' WHEN age <= 5 THEN '0-5' WHEN age <= 12 THEN '6-12' WHEN age <= 17 THEN '13-17'
             WHEN age <= 24 THEN '18-24' WHEN age <= 44 THEN '25-44' WHEN age <= 59 THEN '45-59' ELSE '60+' END AS ag,
        CASE WHEN age IS NULL THEN 'unknown' WHEN age <= 8 THEN '0-8' WHEN age <= 17 THEN '9-17' WHEN age <= 20 THEN '18-20'
             WHEN age <= 23 THEN '21-23' WHEN age <= 26 THEN '24-26' WHEN age <= 29 THEN '27-29' WHEN age <= 38 THEN '30-38'
             WHEN age <= 47 THEN '39-47' ELSE '48+' END AS ab,
        (purposes & 3) <> 0 AS fs, (purposes & 60) <> 0 AS fl, (purposes & 8128) <> 0 AS fo, purposes = 0 AS fu,
        coalesce(cit, 'unknown') AS cit, coalesce(dest, 'unknown') AS dest, coalesce(mig, 'unknown') AS mig
      FROM p),
qf AS (SELECT q.*, f.form FROM q, (VALUES ('sexual_exploitation'), ('forced_labour'), ('other'), ('unknown')) f(form)
       WHERE (f.form = 'sexual_exploitation' AND fs) OR (f.form = 'forced_labour' AND fl) OR (f.form = 'other' AND fo) OR (f.form = 'unknown' AND fu)),
svc AS (SELECT s.*, v.person_key, v.trafficking FROM services s JOIN victims v ON s.row_id = v.row_id WHERE v.region = '53.03' AND v.consent = 1),
st AS (SELECT person_key, max(CASE WHEN delivered IS NOT NULL AND delivered <= DATE '2025-12-31' THEN (CASE WHEN delivered <= due THEN 1 ELSE 3 END)
                                   WHEN ended IS NOT NULL AND ended <= DATE '2025-12-31' THEN (CASE WHEN ended <= due THEN 0 ELSE 3 END)
                                   WHEN DATE '2025-12-31' > due THEN 3 ELSE 2 END) AS r
       FROM svc WHERE trafficking = 1 AND due IS NOT NULL AND requested BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'
         AND service_type IN ('rehabilitasi_kesehatan', 'rehabilitasi_sosial', 'pemulangan', 'reintegrasi_sosial', 'pertolongan_pertama')
       GROUP BY person_key),
ref AS (SELECT CASE WHEN decided IS NOT NULL AND decided <= DATE '2025-12-31' THEN outcome ELSE 'in_progress' END AS o
        FROM referrals r JOIN sel c ON r.case_id = c.case_id WHERE sent BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'),
od AS (SELECT DISTINCT d.case_id, d.kind FROM deadlines d JOIN sel c ON d.case_id = c.case_id
       WHERE c.reported_at < TIMESTAMP '2025-12-31 16:00:00' AND d.starts <= DATE '2025-12-31'
         AND (d.closed IS NULL OR d.closed > DATE '2025-12-31')
         AND (CASE WHEN d.due_at IS NOT NULL THEN d.due_at < TIMESTAMP '2025-12-31 16:00:00' ELSE d.due < DATE '2025-12-31' END)),
kc AS (SELECT *, CASE WHEN kecamatan IS NULL THEN 'unknown' WHEN kecamatan LIKE '53.03.%' THEN kecamatan ELSE 'other' END AS kec,
              CASE WHEN offence_date IS NULL OR wita < offence_date THEN 'unknown' ELSE
                CASE WHEN date_diff('day', offence_date, wita) < 4 THEN '0-3' WHEN date_diff('day', offence_date, wita) < 8 THEN '4-7'
                     WHEN date_diff('day', offence_date, wita) < 15 THEN '8-14' WHEN date_diff('day', offence_date, wita) < 31 THEN '15-30'
                     WHEN date_diff('day', offence_date, wita) < 91 THEN '31-90' ELSE '91+' END END AS delay,
              CASE WHEN fr_due IS NULL THEN 'unknown'
                   WHEN fr_at IS NOT NULL AND fr_at < TIMESTAMP '2025-12-31 16:00:00' THEN (CASE WHEN fr_at <= fr_due THEN 'met' ELSE 'late' END)
                   WHEN TIMESTAMP '2025-12-31 16:00:00' > fr_due THEN 'late' ELSE 'pending' END AS fr
       FROM inp),
stages AS (SELECT case_type, s.stage FROM kc, (VALUES ('reported'), ('laporan_polisi'), ('spdp'), ('p21'), ('putusan'), ('inkracht'), ('restitution_ordered'), ('restitution_paid')) s(stage)
           WHERE s.stage = 'reported'
              OR (s.stage = 'laporan_polisi' AND lp <= DATE '2025-12-31') OR (s.stage = 'spdp' AND spdp <= DATE '2025-12-31')
              OR (s.stage = 'p21' AND p21 <= DATE '2025-12-31') OR (s.stage = 'putusan' AND putusan <= DATE '2025-12-31')
              OR (s.stage = 'inkracht' AND inkracht <= DATE '2025-12-31') OR (s.stage = 'restitution_ordered' AND rest_ordered <= DATE '2025-12-31')
              OR (s.stage = 'restitution_paid' AND rest_paid <= DATE '2025-12-31'))
SELECT 'victims_identified|' AS k, count(*) AS v FROM q
UNION ALL SELECT 'victims_identified|sex=' || sex, count(*) FROM q GROUP BY sex
UNION ALL SELECT 'victims_identified|age_group=' || ag, count(*) FROM q GROUP BY ag
UNION ALL SELECT 'victims_identified|age_broad=' || ab, count(*) FROM q GROUP BY ab
UNION ALL SELECT 'victims_identified|exploitation_form=' || form, count(*) FROM qf GROUP BY form
UNION ALL SELECT 'victims_identified|citizenship=' || cit, count(*) FROM q GROUP BY cit
UNION ALL SELECT 'victims_identified|destination_country=' || dest, count(*) FROM q GROUP BY dest
UNION ALL SELECT 'victims_identified|migrant_worker_status=' || mig, count(*) FROM q GROUP BY mig
UNION ALL SELECT 'victims_identified|sex=' || sex || ';age_group=' || ag || ';exploitation_form=' || form, count(*) FROM qf GROUP BY sex, ag, form
UNION ALL SELECT 'cases_reported|', count(*) FROM kc
UNION ALL SELECT 'cases_reported|case_type=' || case_type, count(*) FROM kc GROUP BY case_type
UNION ALL SELECT 'cases_reported|kecamatan=' || kec, count(*) FROM kc GROUP BY kec
UNION ALL SELECT 'cases_reported|case_type=' || case_type || ';kecamatan=' || kec, count(*) FROM kc GROUP BY case_type, kec
UNION ALL SELECT 'reporting_delay|delay_days=' || delay, count(*) FROM kc GROUP BY delay
UNION ALL SELECT 'justice_funnel|stage=' || stage, count(*) FROM stages GROUP BY stage
UNION ALL SELECT 'justice_funnel|case_type=' || case_type || ';stage=' || stage, count(*) FROM stages GROUP BY case_type, stage
UNION ALL SELECT 'first_response|status=' || fr, count(*) FROM kc GROUP BY fr
UNION ALL SELECT 'statutory_services_timeliness|', count(*) FROM st
UNION ALL SELECT 'statutory_services_timeliness|status=' || (CASE r WHEN 3 THEN 'late' WHEN 2 THEN 'pending' WHEN 1 THEN 'met' ELSE 'stopped' END), count(*) FROM st GROUP BY r
UNION ALL SELECT 'services_delivered|', count(DISTINCT person_key) FROM svc WHERE delivered BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'
UNION ALL SELECT 'services_delivered|service_type=' || service_type, count(DISTINCT person_key) FROM svc WHERE delivered BETWEEN DATE '2025-01-01' AND DATE '2025-12-31' GROUP BY service_type
UNION ALL SELECT 'referrals|', count(*) FROM ref
UNION ALL SELECT 'referrals|outcome=' || o, count(*) FROM ref GROUP BY o
UNION ALL SELECT 'cases_open_past_due|', count(DISTINCT case_id) FROM od
UNION ALL SELECT 'cases_open_past_due|deadline=' || kind, count(*) FROM od GROUP BY kind
