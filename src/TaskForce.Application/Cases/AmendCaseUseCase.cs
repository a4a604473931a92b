using System.Text.Json;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Application.Workflows;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Cases.History;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Cases;

/// <summary>
/// Corrects and completes a stored case (<c>POST /cases/{id}/amendments</c>, <c>taskforce amend</c>; ADR-017): checks
/// the caller may amend the case (<see cref="CaseOperation.Amend"/>), demands the version the caller read
/// (<c>If-Match</c>), runs each named operation of the amendment on the aggregate with the intake rules, and writes
/// the case with one history entry per change in one transaction (ADR-016). Bad input writes nothing.
/// </summary>
/// <param name="cases">The case store (the read model follows every update, ADR-012).</param>
/// <param name="clock">The clock (history instants, "now" for report times).</param>
/// <param name="zone">The district zone.</param>
/// <param name="subjectRequests">The log of requests of the person recorded (ADR-019), for amendments sent
/// <c>on_request_of_subject</c>; <see langword="null"/> when not configured (such amendments are then refused).</param>
public sealed class AmendCaseUseCase(ICaseRepository cases, IClock clock, DateTimeZone zone, ISubjectRequestLog? subjectRequests = null)
{
    /// <summary>Applies an amendment.</summary>
    /// <param name="caseId">The case id. Cannot be <see langword="null"/>.</param>
    /// <param name="amendment">The amendment. Cannot be <see langword="null"/>.</param>
    /// <param name="ifMatch">The case's ETag the caller last read (<c>If-Match</c>). Required.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The case's new version and the changes written (none, and the version unchanged, when every value
    /// given was already on file).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">Bad input, the field named as in the amendment's JSON (e.g.
    /// <c>header.region</c>, <c>add_victims[0].sex</c>, <c>correct_persons[1].victim.identity.national_id_number</c>,
    /// <c>remove_persons[0]</c>, <c>reason</c>); nothing is written. Input is checked before the version, so bad input
    /// answers this even with a stale <paramref name="ifMatch"/>.</exception>
    /// <exception cref="AccessDeniedException">The caller may not amend this case, or carries no agency claim, or sends
    /// <c>on_request_of_subject</c> without the right to handle requests of the person recorded.</exception>
    /// <exception cref="InvalidOperationException"><c>on_request_of_subject</c> is sent and no subject-request log is configured.</exception>
    /// <exception cref="WorkflowNotFoundException">The case is not stored.</exception>
    /// <exception cref="PreconditionRequiredException"><paramref name="ifMatch"/> is missing.</exception>
    /// <exception cref="ConcurrencyConflictException">The case changed since the caller's read (stale
    /// <c>If-Match</c>) or during this call; nothing is written.</exception>
    /// <exception cref="IdentityProtectionException">The case holds identity and the identity key is missing.</exception>
    public async Task<CaseAmended> ExecuteAsync(string caseId, CaseAmendment amendment, string? ifMatch, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        ArgumentNullException.ThrowIfNull(amendment);
        ArgumentNullException.ThrowIfNull(caller);
        var id = CaseId.Parse(caseId, "id");
        GetCaseUseCase.Demand(CaseAccessPolicy.Decide(caller, CaseOperation.Amend));
        bool onRequest = amendment.OnRequestOfSubject == true;
        if (onRequest)
        {
            GetCaseUseCase.Demand(CaseAccessPolicy.Decide(caller, CaseOperation.HandleSubjectRequest));
            if (amendment.CorrectPersons is not { Count: > 0 })
            {
                throw new DomainValidationException("on_request_of_subject", CasesAppText.AmendCaseCorrectionAtRequestPerson);
            }

            _ = subjectRequests ?? throw new InvalidOperationException("No subject-request log is configured: an amendment on request of the person recorded cannot be logged.");
        }

        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new PreconditionRequiredException(Texts.Format(CasesAppText.AmendCaseAmendmentCaseMustCarry, id.Value));
        }

        var stored = await cases.GetAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new WorkflowNotFoundException(id.Value, string.Empty, string.Empty);
        GetCaseUseCase.Demand(CaseAccessPolicy.Decide(caller, CaseOperation.Amend, stored.OwnerAgency));
        if (caller.Agency is null)
        {
            throw new AccessDeniedException(CasesAppText.AmendCaseCallerPrincipalCarriesAgency);
        }

        var context = ChangeContext.Create(Actor.Create(caller.UserId, caller.Agency), amendment.Reason, clock);
        Apply(stored.Record, amendment, context);
        var changes = stored.Record.PendingChanges.Select(c => new AmendmentChange(KindCode(c.Kind), c.PersonId, c.FieldPaths)).ToList();
        if (changes.Count == 0)
        {
            // Idempotent by its values: everything given is on file (e.g. a retry after a lost response, sent with the
            // ETag read before the first attempt). Answer with the current version; write nothing.
            return new CaseAmended(id.Value, stored.ETag, []);
        }

        if (!string.Equals(ifMatch, stored.ETag, StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(Texts.Format(CasesAppText.AmendCaseCaseChangedSinceWas, id.Value));
        }

        string etag = await cases.UpdateAsync(stored.Record, stored.OwnerAgency, stored.ETag, cancellationToken).ConfigureAwait(false);
        if (onRequest)
        {
            // Logged after the write: the log names the persons whose records were corrected, by id only (ADR-019).
            var records = changes.Where(c => c.Kind == KindCode(CaseChangeKind.PersonCorrected) && c.PersonId is not null).Select(c => $"{id.Value}/{c.PersonId}").Distinct().ToList();
            await subjectRequests!.AddAsync(new SubjectRequestEntry(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)), SubjectRequestKind.Correction,
                SubjectRequestOutcome.Completed, "person_id", caller.UserId, caller.Agency, context.At, records, null), cancellationToken).ConfigureAwait(false);
        }

        return new CaseAmended(id.Value, etag, changes);
    }

    /// <summary>Runs the amendment's operations on the case in their fixed order; the first refused one throws
    /// (the caller then writes nothing).</summary>
    /// <param name="record">The case. Cannot be <see langword="null"/>.</param>
    /// <param name="amendment">The amendment. Cannot be <see langword="null"/>.</param>
    /// <param name="context">Who, when, why. Cannot be <see langword="null"/>.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="zone">The district zone.</param>
    /// <exception cref="DomainValidationException">An operation is refused; the field is named as in the amendment's JSON.</exception>
    public static void Apply(CaseRecord record, CaseAmendment amendment, ChangeContext context, IClock clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(amendment);
        ArgumentNullException.ThrowIfNull(context);
        if (amendment.Header is { } header)
        {
            Named("header", null, () => record.CorrectHeader(header, clock, zone, context));
        }

        if (amendment.OffenceDate is { } offence)
        {
            record.RecordOffenceDate(offence, context);
        }

        if (amendment.Places is { } places)
        {
            record.RecordPlaces(places, context);
        }

        if (amendment.Elements is { } elements)
        {
            record.RecordTraffickingElements(elements, context);
        }

        if (amendment.SimfoniForms is { } forms)
        {
            record.RecordSimfoniForms(forms, context);
        }

        if (amendment.GbvAnswers is { } answers)
        {
            record.ClassifyViolence(answers, context);
        }

        Each(amendment.AddVictims, "add_victims", "victim", (v, _) => record.AddVictim(v ?? throw new DomainValidationException("victim", CasesAppText.AmendCaseVictimRequired), context));
        Each(amendment.AddSuspects, "add_suspects", "suspect", (s, _) => record.AddSuspect(s ?? throw new DomainValidationException("suspect", CasesAppText.AmendCaseSuspectRequired), context));
        Each(amendment.AddWitnesses, "add_witnesses", "witness", (w, _) => record.AddWitness(w ?? throw new DomainValidationException("witness", CasesAppText.AmendCaseWitnessRequired), context));
        Each(amendment.CorrectPersons, "correct_persons", null, (p, _) => Correct(record, p, context));
        Each(amendment.RecordArrests, "record_arrests", null, (a, _) => record.RecordArrest(SuspectId(a?.PersonId), a!.ArrestedAt ?? throw new DomainValidationException("arrested_at", CasesAppText.AmendCaseArrestTimeRequired), clock, context));
        Each(amendment.RecordDetentions, "record_detentions", null, (d, _) => record.RecordDetention(SuspectId(d?.PersonId), d!.ToPeriod(), clock, context));
        Each(amendment.RemovePersons, "remove_persons", "person_id", (p, _) => record.RemovePerson(new PersonId(string.IsNullOrWhiteSpace(p) ? throw new DomainValidationException("person_id", CasesAppText.AmendCasePersonIdRequired) : p), context));
    }

    private static PersonId SuspectId(string? id) =>
        string.IsNullOrWhiteSpace(id) ? throw new DomainValidationException("person_id", CasesAppText.AmendCaseSuspectPersonIdRequired) : new PersonId(id);

    private void Apply(CaseRecord record, CaseAmendment amendment, ChangeContext context) => Apply(record, amendment, context, clock, zone);

    private static CaseChange Correct(CaseRecord record, PersonCorrection? p, ChangeContext context)
    {
        string id = p?.PersonId is { Length: > 0 } personId ? personId : throw new DomainValidationException("person_id", CasesAppText.AmendCaseIdPersonCorrectRequired);
        int sections = (p.Victim is null ? 0 : 1) + (p.Suspect is null ? 0 : 1) + (p.Witness is null ? 0 : 1);
        string role = id.StartsWith("victim-", StringComparison.Ordinal) ? "victim" : id.StartsWith("suspect-", StringComparison.Ordinal) ? "suspect" : id.StartsWith("witness-", StringComparison.Ordinal) ? "witness" : throw new DomainValidationException("person_id", Texts.Format(CasesAppText.AmendCasePersonIdVictimN, id));
        if (sections != 1)
        {
            throw new DomainValidationException(role, Texts.Format(CasesAppText.AmendCaseGiveExactlyOneVictim, id));
        }

        return role switch
        {
            "victim" => record.CorrectVictim(new PersonId(id), p.Victim ?? throw new DomainValidationException("victim", Texts.Format(CasesAppText.AmendCaseVictimGiveValuesUnder, id)), context),
            "suspect" => record.CorrectSuspect(new PersonId(id), p.Suspect ?? throw new DomainValidationException("suspect", Texts.Format(CasesAppText.AmendCaseSuspectGiveValuesUnder, id)), context),
            _ => record.CorrectWitness(new PersonId(id), p.Witness ?? throw new DomainValidationException("witness", Texts.Format(CasesAppText.AmendCaseWitnessGiveValuesUnder, id)), context),
        };
    }

    /// <summary>Runs an operation per item, naming a refused field after the item (<c>add_victims[1].sex</c>).</summary>
    private static void Each<T>(IReadOnlyList<T>? items, string list, string? itemField, Func<T, int, CaseChange> operation)
    {
        for (int i = 0; i < (items?.Count ?? 0); i++)
        {
            int index = i;
            Named($"{list}[{i}]", itemField, () => operation(items![index], index));
        }
    }

    /// <summary>Runs an operation; a refused field is renamed under <paramref name="prefix"/>, replacing the domain's
    /// own item name (<paramref name="itemField"/>, e.g. <c>victim</c>); <c>reason</c> keeps its name.</summary>
    private static void Named(string prefix, string? itemField, Func<CaseChange> operation)
    {
        try
        {
            operation();
        }
        catch (DomainValidationException e) when (e.Field != "reason")
        {
            string rest = itemField is not null && e.Field == itemField ? string.Empty
                : itemField is not null && e.Field.StartsWith(itemField + ".", StringComparison.Ordinal) ? e.Field[itemField.Length..]
                : e.Field.Length == 0 ? string.Empty : "." + e.Field;
            throw new DomainValidationException(prefix + rest, e.Message);
        }
    }

    internal static string KindCode(CaseChangeKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
