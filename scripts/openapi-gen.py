#!/usr/bin/env python3
"""Writes src/TaskForce.Functions/openapi.json, the hand-kept operations of the OpenAPI 3.1 contract of the HTTP functions.

The JSON file is the source of truth for operations that is served and tested (tests/TaskForce.Integration.Tests/Functions/
OpenApiDocumentTests.cs, OpenApiResponseSchemaTests.cs); this script only saves typing when editing it. The schemas of
the request and response records (CaseIntake, CaseSummary, WorkflowStarted, ...) are NOT written here: the worker
generates them from the C# records (src/TaskForce.Functions/Http/ApiSchemas.cs) and adds them to components/schemas
when it serves the document (ADR-011). Run: python3 scripts/openapi-gen.py
"""
import json, os, sys

INCLUDE_CASES = os.path.exists(os.path.join(os.path.dirname(__file__), "..", "src", "TaskForce.Functions", "Http", "CaseFunctions.cs"))

P = {"$ref": "#/components/schemas/Problem"}
VP = {"$ref": "#/components/schemas/ValidationProblem"}
OBJ = {"type": "object", "additionalProperties": True}

def problem(desc, validation=False):
    return {"description": desc, "content": {"application/problem+json": {"schema": VP if validation else P}}}

def ref(name):
    return {"$ref": "#/components/schemas/" + name}

def ok(desc, schema=OBJ, headers=None):
    r = {"description": desc, "content": {"application/json": {"schema": schema}}}
    if headers: r["headers"] = headers
    return r

def enum_schema(codes):
    """A named enumeration: wire codes in `enum`, the generated client's member names in `x-enumNames` (same order)."""
    return {"type": "string", "enum": list(codes), "x-enumNames": list(codes.values())}

def q(name, desc, required=False, schema=None):
    return {"name": name, "in": "query", "required": required, "description": desc, "schema": schema or {"type": "string"}}

def path_id(name="id", desc="The case id (letters, digits, '-', '_', '.'; see the contract)."):
    return {"name": name, "in": "path", "required": True, "description": desc, "schema": {"type": "string", "maxLength": 64}}

IDEMP = {"$ref": "#/components/parameters/IdempotencyKey"}
IFMATCH = {"$ref": "#/components/parameters/IfMatch"}
IFMATCH_REQUIRED = {"name": "If-Match", "in": "header", "required": True, "description": "The case's ETag last read (GET /cases/{id}). Required: 428 without it, 412 when stale.", "schema": {"type": "string"}}
ETAG = {"ETag": {"description": "The entity tag to send back as If-Match on the next update.", "schema": {"type": "string"}}}
R400 = problem("Invalid input; `errors` names the failing field. Nothing was written.", True)
R401 = problem("No trusted person: App Service authentication is off or X-MS-CLIENT-PRINCIPAL is missing (fails closed).")
R403 = problem("The access policy refuses this role or agency for the operation.")
R404 = problem("Not found.")
R409 = problem("Conflict.")
R428 = problem("If-Match is required for this change: read the case and send its ETag. Nothing was written.")
R412 = problem("If-Match is stale: the resource changed since it was read. Read it again and retry the whole decision.")
R422 = problem("Understood but cannot be processed.", True)
R413 = problem("The body is larger than this operation accepts; nothing was read further or written.", True)
R500 = problem("Server fault; the detail names no internals and no personal data (e.g. the identity key is missing or wrong). It is logged.")
R503 = problem("Storage is unavailable or the operation was cancelled; nothing was written. Retry after the `Retry-After` seconds.")
FAULTS = {"500": R500, "503": R503}
PURE = "Pure computation: nothing is stored, so a retry (with or without the same Idempotency-Key) returns the same answer."
REGION = q("region", "Kemendagri region code (e.g. 53.03) or `*` for all regions.", True)
PERIOD = q("period", "Reporting period: a year (2025), a half (2025-H1), a quarter (2025-Q1) or a month (2025-03).", True)
K = q("k", "Small-cell suppression threshold (cells below k are suppressed); whole number ≥ 1.", False, {"type": "integer", "minimum": 1})

paths = {
    "/openapi.json": {"get": {"operationId": "GetOpenApi", "summary": "This OpenAPI document.", "security": [],
        "responses": {"200": ok("The OpenAPI 3.0 document.")}}},
    "/indicators": {"get": {"operationId": "GetIndicators", "summary": "Computes the indicator snapshot live, without storing it.",
        "parameters": [REGION, PERIOD, K],
        "responses": {"200": ok("The snapshot (contract `snapshot`).", {"$ref": "#/components/schemas/Snapshot"}), "400": R400, **FAULTS}}},
    "/snapshots": {"post": {"operationId": "PostSnapshot", "summary": "Computes and stores an indicator snapshot.",
        "description": "Idempotent by content: a retry that finds the same content already stored stores nothing and answers 200 with it. An Idempotency-Key is accepted and not needed.",
        "x-idempotency": "content-addressed",
        "parameters": [REGION, PERIOD, K, IDEMP],
        "responses": {"201": ok("Stored now.", {"$ref": "#/components/schemas/Snapshot"}), "200": ok("The same content was already stored; nothing new was written.", {"$ref": "#/components/schemas/Snapshot"}), "400": R400, **FAULTS}}},
    "/snapshots/{region}/{period}": {"get": {"operationId": "GetSnapshot", "summary": "The latest stored snapshot, byte for byte.",
        "parameters": [{"name": "region", "in": "path", "required": True, "description": "Region code or `*` (URL-encoded).", "schema": {"type": "string"}},
                       {"name": "period", "in": "path", "required": True, "description": "Period label.", "schema": {"type": "string"}}],
        "responses": {"200": ok("The stored snapshot.", {"$ref": "#/components/schemas/Snapshot"}), "400": R400, "404": R404, **FAULTS}}},
    "/reports/annual": {"post": {"operationId": "PostAnnualReport", "summary": "Produces the task force's annual report (Laporan Tahunan GT-PPTPPO) for a region and year.",
        "description": "Sections by duty (prevention, victim protection, law enforcement, coordination) with the year beside the previous year, charts, a signature block and the statistical annex; counts only, small cells withheld as in every snapshot. In the language of Accept-Language (Bahasa Indonesia by default). Stores the year's snapshot (content-addressed, as POST /snapshots), so a retry produces the same document; an Idempotency-Key is accepted and not needed.",
        "x-idempotency": "content-addressed",
        "parameters": [REGION, q("year", "The reporting year, 2000 to the current year in the district zone (the current year gives a provisional report).", True, {"type": "integer", "minimum": 2000}),
                       q("format", "`docx` (the Word document, default) or `html` (one self-contained page); anything else answers 400.", False), IDEMP],
        "responses": {"200": {"description": "The document, named by Content-Disposition (laporan-tahunan-REGION-YEAR.docx; with format=html the page, text/html, laporan-tahunan-REGION-YEAR.html).",
                              "content": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"schema": {"type": "string", "format": "binary"}}}},
                      "400": R400, **FAULTS}}},
    "/estimates": {"post": {"operationId": "PostEstimate", "summary": "Multiple systems estimation from a capture-history CSV.",
        "description": PURE, "x-idempotency": "pure-computation",
        "parameters": [q("model", "`stepwise` (default) or `saturated`."),
                       q("p_threshold", "Stepwise inclusion threshold in (0, 1).", False, {"type": "number"}),
                       q("bootstrap", "Bootstrap replicates (0 = none).", False, {"type": "integer", "minimum": 0}),
                       q("seed", "Bootstrap seed, as R's set.seed (default 1234).", False, {"type": "integer", "minimum": 0, "maximum": 2147483647}), IDEMP],
        "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string", "maxLength": 65536, "description": "One 0/1 column per list, last column `count`; at most 64 KiB."}}}},
        "responses": {"200": ok("The estimate (contract `estimate`).", ref("EstimateResponse")), "400": R400, "413": R413, "500": R500}}},
    "/detention-checks": {"post": {"operationId": "PostDetentionCheck", "summary": "Checks a KUHAP detention chain.",
        "description": PURE, "x-idempotency": "pure-computation", "parameters": [IDEMP],
        "requestBody": {"required": True, "content": {"application/json": {"schema": ref("DetentionCheckInput")}}},
        "responses": {"200": ok("The detention ledger (contract `detention-check`).", ref("DetentionLedger")), "400": R400, "413": R413, "500": R500}}},
}

if INCLUDE_CASES:
    paths["/cases"] = {
        "post": {"operationId": "PostCase", "summary": "Opens a case; the caller's agency owns it.",
            "description": "Send an Idempotency-Key: a retry with the same key and body answers 201 with the stored case and `Idempotent-Replayed: true`, and never creates a second case.",
            "x-idempotency": "idempotency-key", "parameters": [IDEMP],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseIntake"}}}},
            "responses": {"201": ok("Created (or replayed).", ref("CaseSummary"), {**ETAG, "Location": {"schema": {"type": "string"}}, "Idempotent-Replayed": {"schema": {"type": "string"}}}),
                          "400": R400, "401": R401, "403": R403, "409": R409, "413": R413, "422": R422, **FAULTS}},
        "get": {"operationId": "ListCases", "summary": "Case summaries (no person-level field), one page at a time.",
            "parameters": [q("region", "Kemendagri region code."), q("case_type", "Case type code."),
                           q("reported_from", "ISO date.", False, {"type": "string", "format": "date"}), q("reported_to", "ISO date.", False, {"type": "string", "format": "date"}),
                           q("trafficking_status", "Element-test status code."), q("limit", "Page size.", False, {"type": "integer", "minimum": 1}), q("cursor", "Opaque cursor from `next_cursor`.")],
            "responses": {"200": ok("`{items, next_cursor}`.", ref("CaseListPage")), "400": R400, "401": R401, "403": R403, **FAULTS}}}
    paths["/cases/{id}"] = {"get": {"operationId": "GetCase", "summary": "One case; identity shown only to the owning agency, the coordinator, an involved police or prosecutor agency and a referred agency while the victims consent to sharing (ADR-020), redacted otherwise; every read of identity is logged.",
        "parameters": [path_id()], "responses": {"200": ok("The case.", ref("CaseDocument"), ETAG), "400": R400, "401": R401, "403": R403, "404": R404, **FAULTS}}}
    paths["/cases/{id}/qualification"] = {"post": {"operationId": "QualifyCase", "summary": "Element test and candidate charges of a stored case.",
        "description": PURE, "x-idempotency": "pure-computation", "parameters": [path_id(), IDEMP],
        "requestBody": {"required": False, "content": {"application/json": {"schema": ref("QualificationRequest")}}},
        "responses": {"200": ok("The qualification.", ref("QualificationResult")), "400": R400, "401": R401, "403": R403, "404": R404, "413": R413, "422": R422, **FAULTS}}}
    paths["/cases/{id}/workflows"] = {"post": {"operationId": "StartCaseWorkflow", "summary": "Starts a workflow instance of the case.",
        "description": "Idempotent by key (case, workflow, subject): a retry answers 200 with the instance already started. Body {workflow, subject_id, facts, effective_on, reason}; for `service`, facts.service_type and facts.victim_id (a person id of the case such as victim-2; required when the case has several victims, so services are counted per victim served).", "x-idempotency": "natural-key",
        "parameters": [path_id(), IDEMP], "requestBody": {"required": True, "content": {"application/json": {"schema": ref("WorkflowStartRequest")}}},
        "responses": {"201": ok("Started now.", ref("WorkflowStarted"), ETAG), "200": ok("Already started.", ref("WorkflowStarted"), ETAG), "400": R400, "401": R401, "403": R403, "404": R404,
                      "409": problem("The case already has its case-management instance, or a criminal-justice track for this suspect, under another subject id (ADR-023). Nothing was written."), "413": R413, **FAULTS}}}
    paths["/cases/{id}/transitions"] = {"post": {"operationId": "TransitionCaseWorkflow", "summary": "Moves a workflow to another state.",
        "description": "Idempotency-Key is stored with the transition in one transaction: a retry with the same key and request gets the first answer (200) and changes nothing; the same key with another request answers 422. Without a key, If-Match (the instance's ETag) guards the write: a retry of a committed transition answers 412 or 409 and changes nothing.", "x-idempotency": "stored-key",
        "parameters": [path_id(), IFMATCH, IDEMP], "requestBody": {"required": True, "content": {"application/json": {"schema": ref("WorkflowTransitionRequest")}}},
        "responses": {"200": ok("The new state.", ref("WorkflowTransitioned"), ETAG), "400": R400, "401": R401, "403": R403, "404": R404, "409": R409, "412": R412, "413": R413, "422": R422, **FAULTS}}}
    paths["/cases/{id}/timeline"] = {"get": {"operationId": "GetCaseTimeline", "summary": "History and deadlines of every workflow of the case; reasons only for callers who may see identity (`reason_withheld` otherwise).",
        "parameters": [path_id()], "responses": {"200": ok("The timeline.", ref("CaseTimeline")), "400": R400, "401": R401, "403": R403, "404": R404, **FAULTS}}}
    paths["/cases/{id}/spdp"] = {"post": {"operationId": "RecordCaseSpdp", "summary": "Records the date the SPDP was sent.",
        "description": "Idempotent by its natural key: sending the date already on file answers 200 with the case's current ETag and writes nothing, whatever If-Match says (a retry after a lost response). A different date is guarded by If-Match (the case's ETag).", "x-idempotency": "natural-key",
        "parameters": [path_id(), IFMATCH, IDEMP], "requestBody": {"required": True, "content": {"application/json": {"schema": ref("SpdpRequest")}}},
        "responses": {"200": ok("Recorded.", ref("SpdpRecorded"), ETAG), "400": R400, "401": R401, "403": R403, "404": R404, "412": R412, "413": R413, **FAULTS}}}
    paths["/cases/{id}/amendments"] = {"post": {"operationId": "AmendCase", "summary": "Corrects and completes a stored case (named operations, all or none).",
        "description": "A command document (ADR-017): header, offence_date, places, elements, simfoni_forms, gbv_answers, add_victims/add_suspects/add_witnesses, correct_persons, remove_persons, reason. Each member runs one named operation of the case with the intake rules and writes one history entry. If-Match (the case's ETag) is required: 428 without it, 412 when stale; nothing is written on 400, 412 or 428. Idempotent by its values: an amendment whose values are all on file answers 200 with no change and the current ETag.", "x-idempotency": "natural-key",
        "parameters": [path_id(), IFMATCH_REQUIRED, IDEMP], "requestBody": {"required": True, "content": {"application/json": {"schema": ref("CaseAmendment")}}},
        "responses": {"200": ok("Amended (or nothing to change).", ref("CaseAmended"), ETAG), "400": R400, "401": R401, "403": R403, "404": R404, "412": R412, "413": R413, "428": R428, **FAULTS}}}
    paths["/cases/{id}/history"] = {"get": {"operationId": "GetCaseHistory", "summary": "The changes made to the case record, oldest first.",
        "description": "Identity values and reasons only for the owning agency and the task-force coordinator (identity_withheld says which); every read of identity is audited.",
        "parameters": [path_id()], "responses": {"200": ok("The history.", ref("CaseHistoryView")), "400": R400, "401": R401, "403": R403, "404": R404, **FAULTS}}}

    # Responsibility for a case (ADR-020): the receiving agency's referral list, the assignment to a case worker.
    PAGE = [q("limit", "Page size, 1 to 1000 (default 100).", False, {"type": "integer", "minimum": 1, "maximum": 1000}), q("cursor", "Opaque cursor from `next_cursor`.")]
    paths["/referrals"] = {"get": {"operationId": "ListReferrals", "summary": "The referrals and transfers addressed to the caller's agency, one page at a time, by case and referral id.",
        "description": "The receiving agency's inbox (ADR-020): case id, kind, agencies, state and version of each referral or transfer addressed to the agency, never an identity or a reason. Once accepted, the case is read through GET /cases/{id}, with identity only where the victims' consent to share allows it. `to` is `me` (the default) or, for the task-force coordinator only, another agency code. Paged, never cut: `limit` items (1 to 1000, default 100) in key order (case id, then referral id), and `next_cursor` while more follow (null on the last page). The order does not move when a referral changes state, so following the cursors reaches every referral once. A cursor is bound to `to` and `status` (400 naming `cursor` otherwise).",
        "parameters": [q("to", "`me` (default) or, for the coordinator, an agency code."), q("status", "Keep one state only: `in_progress`, `accepted`, `rejected`, `done` or `revoked` (400 naming `status` otherwise)."), *PAGE],
        "responses": {"200": ok("The referrals.", ref("ReferralList")), "400": R400, "401": R401, "403": R403, **FAULTS}}}
    paths["/cases/{id}/assignment"] = {"put": {"operationId": "AssignCase", "summary": "Assigns the case to a case worker of its owning agency, or reassigns it.",
        "description": "Recorded in the case history as an `assigned` change with the old and new staff account ids (ADR-016, ADR-020); replacing an assignee needs a reason. While a case is assigned, only the assignee and the coordinator move its case management. Idempotent by its natural key: assigning the case worker already assigned answers 200 with history_sequence 0 and writes nothing.", "x-idempotency": "natural-key",
        "parameters": [path_id()], "requestBody": {"required": True, "content": {"application/json": {"schema": ref("CaseAssignmentRequest")}}},
        "responses": {"200": ok("Assigned (or already so).", ref("CaseAssignment")), "400": R400, "401": R401, "403": R403, "404": R404, "412": R412, "413": R413, **FAULTS}}}

    # Consent per victim (ADR-018): If-Match is required (428 when absent).
    paths["/cases/{id}/victims/{personId}/consent"] = {"post": {"operationId": "RecordVictimConsent", "summary": "Gives, changes or withdraws one victim's consent (services, reporting, sharing).",
        "description": "The victim's consent as it stands from now, with who gives it (a victim who is a child on the day needs parent_or_guardian or other). Withdrawing reporting consent leaves her out of every aggregate computed afterwards (stored snapshots are not rewritten); withdrawing sharing consent stops referrals of the case. Recorded in the case history with the staff member and agency (ADR-016, ADR-018). If-Match (the case's ETag) is required. Idempotent by its natural key: sending the flags and giver already on file for the victim answers 200 with the case's current ETag and writes nothing (a retry after a lost response); otherwise a stale If-Match answers 412.", "x-idempotency": "natural-key",
        "parameters": [path_id(), path_id("personId", "The victim id within the case, e.g. victim-1."), IDEMP,
            {"name": "If-Match", "in": "header", "required": True, "description": "The case's ETag as last read; absent answers 428, stale answers 412.", "schema": {"type": "string"}}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": ref("ConsentChangeRequest")}}},
        "responses": {"200": ok("Recorded.", ref("ConsentRecorded"), ETAG), "400": R400, "401": R401, "403": R403, "404": R404, "412": R412, "413": R413,
            "428": problem("If-Match is missing: read the case (GET /cases/{id}) and send its ETag. Nothing was written."), **FAULTS}}}
    # Requests of the person recorded (UU 27/2022; ADR-019): identifiers in the body, never in the URL.
    SUBJECT_BODY = {"required": True, "content": {"application/json": {"schema": ref("DataSubjectQuery")}}}
    paths["/data-subject-requests/access"] = {"post": {"operationId": "PostSubjectAccess", "summary": "Access export of every record held about one person (coordinator only; logged).",
        "description": "Finds the person by NIK, or by full name with birth date, across every case; returns their own record with identity, each case with every other person's identity redacted, and the history entries about them. Each call is logged in the request log (a retry writes one more log entry and nothing else).", "x-idempotency": "logged-read",
        "parameters": [IDEMP], "requestBody": SUBJECT_BODY,
        "responses": {"200": ok("The export.", ref("SubjectAccessExport")), "400": R400, "401": R401, "403": R403, "413": R413, **FAULTS}}}
    paths["/data-subject-requests/erasure"] = {"post": {"operationId": "PostSubjectErasure", "summary": "Erases one person's identity in every record (coordinator only; logged); the de-identified facts and counts stay.",
        "description": "A repeat finds no identity left and answers `not_found`: nothing more is erased. Refused with 409 (`reason`, `cases`) when a retention rule keeps a record; then nothing is erased.", "x-idempotency": "natural-key",
        "parameters": [IDEMP], "requestBody": SUBJECT_BODY,
        "responses": {"200": ok("Erased (or `not_found`).", ref("SubjectErasureResult")), "400": R400, "401": R401, "403": R403,
                      "409": problem("Refused by a retention rule (`reason`, e.g. `criminal_proceedings`; `cases`); nothing was erased."), "412": R412, "413": R413, **FAULTS}}}
    paths["/data-subject-requests"] = {"get": {"operationId": "GetSubjectRequests", "summary": "The log of requests of the persons recorded, newest first (coordinator only; no identity value).",
        "parameters": [q("limit", "The most entries, 1 to 1000 (default 100).", schema={"type": "integer", "minimum": 1, "maximum": 1000})],
        "responses": {"200": ok("The log.", ref("SubjectRequestList")), "400": R400, "401": R401, "403": R403, **FAULTS}}}

    # Alerts inbox (ADR-021): the daily deadline alerts addressed to the caller's agency.
    paths["/alerts"] = {"get": {"operationId": "ListAlerts", "summary": "The deadline alerts of one business date addressed to the caller's agency (all agencies for the coordinator).",
        "description": "Only the agency an alert is addressed to (the case's owning agency) and the task-force coordinator see it. Each alert carries ids, codes and dates only, the case's assigned case worker when the daily run raised it (`assignee`, a staff account id, or null), its acknowledgement and its delivery state per channel (e-mail, webhook). `assignee=me` keeps the alerts of the cases assigned to the caller (ADR-020).",
        "parameters": [q("date", "The business date YYYY-MM-DD in the district zone (Asia/Makassar); default today."),
                       q("status", "Filter: due_today, overdue, unacknowledged or acknowledged (another value answers 400)."),
                       q("agency", "An agency code: the coordinator may name any; others only their own (default)."),
                       q("assignee", "`me`: only the alerts of cases assigned to the caller. The coordinator may name a staff account id instead; any other value answers 400 naming `assignee`.")],
        "responses": {"200": ok("The alerts.", ref("AlertList")), "400": R400, "401": R401, "403": R403, **FAULTS}}}
    paths["/alerts/{id}/acknowledgement"] = {"post": {"operationId": "AcknowledgeAlert", "summary": "Acknowledges an alert (once; a repeat returns the first acknowledgement).",
        "description": "Only the agency the alert is addressed to and the task-force coordinator. No body.", "x-idempotency": "natural-key",
        "parameters": [path_id("id", "The alert id, e.g. 20260109-3f2a9c0d51e7b846."), IDEMP],
        "responses": {"200": ok("The alert as acknowledged.", ref("AlertView")), "400": R400, "401": R401, "403": R403, "404": R404, **FAULTS}}}
    # The access log (ADR-022): coordinator only; never a value. Paged with PAGE (defined with the referral inbox).
    paths["/cases/{id}/access-log"] = {"get": {"operationId": "GetCaseAccessLog", "summary": "Every read and export of this case's identity, oldest first (coordinator only; no value).",
        "parameters": [path_id(), *PAGE], "responses": {"200": ok("`{items, next_cursor}`.", ref("AccessLogPage")), "400": R400, "401": R401, "403": R403, "404": R404, **FAULTS}}}
    paths["/access-log"] = {"get": {"operationId": "GetAccessLog", "summary": "Every read and export of identity in a period of business dates (district zone), oldest first (coordinator only; no value).",
        "parameters": [q("from", "First business date, YYYY-MM-DD.", True, {"type": "string", "format": "date"}), q("to", "Last business date, YYYY-MM-DD (at most 366 days after from).", True, {"type": "string", "format": "date"}), *PAGE],
        "responses": {"200": ok("`{items, next_cursor}`.", ref("AccessLogPage")), "400": R400, "401": R401, "403": R403, **FAULTS}}}

    # Prevention activities (issue 16 item 1; ADR-033): owned by the responsible agency; If-Match required to revise.
    PA_ID = path_id("id", "The activity id (1 to 64 letters, digits, '-', '_', '.').")
    PA_BODY = {"required": True, "content": {"application/json": {"schema": ref("PreventionActivityInput")}}}
    paths["/prevention/activities"] = {"post": {"operationId": "RecordPreventionActivity", "summary": "Records a prevention activity (socialisation, training, a village group formed, a pre-departure check, a complaint channel's figures) for the caller's agency.",
        "description": "A member role with an agency records for its own agency; only the coordinator names another `agency`. The id is generated when absent; with an Idempotency-Key and no id it is derived from the agency and the key. Idempotent by its id: the same id (or key) with the same values answers 200 with the stored activity and writes nothing; with other values 409.", "x-idempotency": "natural-key",
        "parameters": [IDEMP], "requestBody": PA_BODY,
        "responses": {"201": ok("Recorded.", ref("PreventionActivityView"), ETAG), "200": ok("Already stored with these values.", ref("PreventionActivityView"), ETAG), "400": R400, "401": R401, "403": R403, "409": R409, "413": R413, **FAULTS}}}
    paths["/prevention/activities/{id}"] = {
        "get": {"operationId": "GetPreventionActivity", "summary": "One prevention activity with its ETag.",
            "parameters": [PA_ID], "responses": {"200": ok("The activity.", ref("PreventionActivityView"), ETAG), "401": R401, "403": R403, "404": R404, **FAULTS}},
        "put": {"operationId": "RevisePreventionActivity", "summary": "Revises a prevention activity (responsible agency or coordinator).",
            "description": "Replaces kind, date, place, participants, budget source and notes; the agency stays. If-Match (the activity's ETag) is required: 428 without it, 412 when stale; nothing is written on 400, 412 or 428. Idempotent by its values: a body equal to what is stored answers 200 with the same ETag.", "x-idempotency": "natural-key",
            "parameters": [PA_ID, {"name": "If-Match", "in": "header", "required": True, "description": "The activity's ETag as last read; absent answers 428, stale answers 412.", "schema": {"type": "string"}}],
            "requestBody": PA_BODY,
            "responses": {"200": ok("Revised (or nothing to change).", ref("PreventionActivityView"), ETAG), "400": R400, "401": R401, "403": R403, "404": R404, "412": R412, "413": R413,
                          "428": problem("If-Match is missing: read the activity and send its ETag. Nothing was written."), **FAULTS}}}
    paths["/prevention/indicators"] = {"get": {"operationId": "GetPreventionIndicators", "summary": "Prevention activities and participants by kind, kecamatan and quarter, and the coverage of desa reached.",
        "description": "Computed from the stored activities; not suppressed (counts of agencies' work and attendance, ADR-033). The coverage counts desa/kelurahan with a socialisation, training or community group formed at that desa, over the desa/kelurahan of the region in the Kemendagri list.",
        "parameters": [REGION, PERIOD], "responses": {"200": ok("The indicators.", ref("PreventionIndicatorsView")), "400": R400, "401": R401, "403": R403, **FAULTS}}}

doc = {
    "openapi": "3.1.0",
    "info": {"title": "TaskForce HTTP API", "version": "0.1.0",
             "description": "Azure Functions of TaskForce (GT-PPTPPO case management and indicators). Errors are RFC 9457 problem+json. Language (ADR-030): send Accept-Language (RFC 9110 §12.5.4; id or en, weights and * read) to choose Bahasa Indonesia or English for problem title and detail; anything else or none gives Bahasa Indonesia; every answer says Content-Language (id or en) and Vary: Accept-Language; type, status, codes and the field names in errors are the same in both languages. Function keys identify calling services; people are identified by App Service authentication (X-MS-CLIENT-PRINCIPAL), trusted only when it is on. Wire codes and shapes: docs/wire-contract.md. The schemas of the request and response records are generated from the code (ADR-011)."},
    "servers": [{"url": "/api"}],
    "security": [{"functionKey": []}],
    "paths": paths,
    "components": {
        "securitySchemes": {"functionKey": {"type": "apiKey", "in": "header", "name": "x-functions-key", "description": "Azure Functions function or host key (service-to-service)."}},
        "parameters": {
            "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "required": False, "description": "A client-chosen key (≤ 200 printable ASCII characters) that makes a retried POST safe; see each operation's x-idempotency.", "schema": {"type": "string", "maxLength": 200}},
            "IfMatch": {"name": "If-Match", "in": "header", "required": False, "description": "The ETag last read; a stale value answers 412.", "schema": {"type": "string"}}},
        "schemas": {
            "Problem": {"type": "object", "description": "RFC 9457 problem details. Extension members: `workflow`, `from`, `to`, `allowed_targets`, `refusal` on a refused transition (409); `retry_after_seconds` on 503.",
                "required": ["type", "title", "status", "detail"], "properties": {
                "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer", "minimum": 400, "maximum": 599}, "detail": {"type": "string"}, "instance": {"type": "string"},
                "workflow": {"type": "string"}, "from": {"type": "string"}, "to": {"type": "string"}, "allowed_targets": {"type": "array", "items": {"type": "string"}},
                "refusal": {"type": ["string", "null"]}, "retry_after_seconds": {"type": "integer"}}},
            "ValidationProblem": {"allOf": [{"$ref": "#/components/schemas/Problem"}, {"type": "object", "properties": {
                "errors": {"type": "object", "description": "Failing field (snake_case, as on the wire) → messages.", "minProperties": 1, "additionalProperties": {"type": "array", "minItems": 1, "items": {"type": "string"}}}}, "required": ["errors"]}]},
            "DetentionCheckInput": {"type": "object", "description": "The contract's `detention-check` input (docs/wire-contract.md); at most 1,000,000 bytes.", "additionalProperties": True},
            "DetentionLedger": {"type": "object", "description": "The contract's `detention-check` result: the ledger of detention periods and the problems found.", "additionalProperties": True},
            "Snapshot": {"type": "object", "description": "The contract's snapshot document (aggregates only, small cells suppressed).", "additionalProperties": True,
                "properties": {"hidden_victims": {"$ref": "#/components/schemas/HiddenVictims"}}},
            # issue 6: the hidden-victim section of the snapshot (docs/decisions/ADR-009-hidden-victims-in-snapshots.md)
            "HiddenVictimFigure": {"type": "object", "description": "A multiple systems estimate (everyone, or one stratum) or the reason there is none. Persons to 1 decimal; numbers only when status is `estimated`.",
                "additionalProperties": True, "properties": {
                    "status": {"$ref": "#/components/schemas/HiddenVictimStatus"},
                    "reason": {"type": "string", "nullable": True, "description": "null when estimated; else no_linkage_input, fewer_than_two_lists, too_many_lists, fewer_than_k_persons, suppressed, no_persons, lists_do_not_overlap or not_identifiable."},
                    "lists": {"type": "array", "items": {"type": "string"}, "description": "Agency list codes `kind/name` with at least one linked person (no personal data)."},
                    "observed": {"type": "integer", "nullable": True, "description": "Linked persons seen by at least one agency; null when withheld (small-count suppression, k)."},
                    "observed_suppressed": {"type": "boolean"},
                    "terms": {"type": "array", "items": {"type": "string"}, "description": "Model terms: lists, then two-list terms `a:b` added by stepwise selection."},
                    "empty_overlap_terms": {"type": "array", "items": {"type": "string"}},
                    "dark_figure": {"type": "number", "nullable": True, "description": "Estimated victims on no list."},
                    "estimate": {"type": "number", "nullable": True, "description": "observed + dark_figure."},
                    "ci_low": {"type": "number", "nullable": True, "description": "Wald 95% on the log dark figure (SparseMSE)."},
                    "ci_high": {"type": "number", "nullable": True},
                    "profile_ci_low": {"type": "number", "nullable": True, "description": "Profile-likelihood 95%."},
                    "profile_ci_high": {"type": "number", "nullable": True},
                    "warnings": {"type": "array", "items": {"$ref": "#/components/schemas/HiddenVictimNote"}},
                    "sdg_16_2_2": {"type": "object", "additionalProperties": True, "description": "The estimate per 100,000 population (2 decimals): estimated, ci_low, ci_high, profile_ci_low, profile_ci_high; on the section also detected, detected_suppressed and population."}}},
            "HiddenVictimNote": {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}},
            "HiddenVictims": {"allOf": [{"$ref": "#/components/schemas/HiddenVictimFigure"}, {"type": "object", "additionalProperties": True,
                "description": "Multiple systems estimate of the victims of trafficking of the period that no agency has seen, from the agencies' victim lists linked by keyed NIK hash or by name, birth date and kecamatan; SparseMSE stepwise model (p < 0.02), Wald and profile intervals, no BCa bootstrap in snapshots; SDG 16.2.2 with the estimate beside the detected rate.",
                "properties": {
                    "method": ref("HiddenVictimMethod"), "model": ref("HiddenVictimModel"),
                    "p_threshold": {"type": "number"}, "ci_level": {"type": "number"}, "ci_method": ref("HiddenVictimCiMethod"),
                    "linkage_rule": {"type": "string"},
                    "notes": {"type": "array", "items": {"$ref": "#/components/schemas/HiddenVictimNote"}},
                    "strata": {"type": "array", "description": "sex × age_group (child/adult/unknown) × exploitation_form, each with the figure's fields.",
                        "items": ref("HiddenVictimStratum")}}}]},
            # Named, not inline, so that a client generated from the document names its types (ADR-013); x-enumNames
            # gives the generated enumeration members their names (NSwag reads it), the wire codes stay in `enum`.
            "HiddenVictimStratum": {"allOf": [{"$ref": "#/components/schemas/HiddenVictimFigure"}, {"type": "object", "properties": {
                "sex": {"type": "string"}, "age_group": {"type": "string"}, "exploitation_form": {"type": "string"}}}]},
            "HiddenVictimStatus": enum_schema({"estimated": "Estimated", "not_estimated": "NotEstimated"}),
            "HiddenVictimMethod": enum_schema({"multiple_systems_estimation": "MultipleSystemsEstimation"}),
            "HiddenVictimModel": enum_schema({"stepwise": "Stepwise"}),
            "HiddenVictimCiMethod": enum_schema({"wald_log_dark_figure": "WaldLogDarkFigure"}),
        },
    },
}

def nullable_to_type_arrays(node):
    """OpenAPI 3.1 is JSON Schema 2020-12: `nullable` is gone, a null is one of the `type`s."""
    if isinstance(node, dict):
        if node.pop("nullable", False):
            node["type"] = [node["type"], "null"]
        for v in node.values():
            nullable_to_type_arrays(v)
    elif isinstance(node, list):
        for v in node:
            nullable_to_type_arrays(v)

nullable_to_type_arrays(doc)

out = os.path.join(os.path.dirname(__file__), "..", "src", "TaskForce.Functions", "openapi.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(out, "cases" if INCLUDE_CASES else "no cases")
