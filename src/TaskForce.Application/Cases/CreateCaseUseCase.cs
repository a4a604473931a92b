using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Application.Resources;

namespace TaskForce.Application.Cases;

/// <summary>
/// Opens a case from a client's intake (<c>POST /cases</c>): validates everything through the domain, then stores the
/// case and its persons in one transaction, idempotently when the client sends an <c>Idempotency-Key</c>.
/// </summary>
/// <remarks>
/// <para>Idempotency (ADR-007): the idempotency record lives in the case's partition and is added in the same
/// transaction as the case. So that every retry of a key reaches that partition, the case id of a request with a key
/// is derived from the caller's account id and the key (<see cref="DeriveCaseId"/>); such a request must not carry
/// its own <c>id</c>. A retry with the same key and the same body returns the first case
/// (<see cref="CaseCreateOutcome.Replayed"/>); the same key with another body is refused
/// (<see cref="CaseCreateOutcome.KeyReusedWithDifferentRequest"/>). Without a key, a client-chosen id that exists is
/// refused (<see cref="CaseCreateOutcome.IdAlreadyExists"/>) and a missing id is generated (a version-7 GUID).</para>
/// <para>Nothing is written when any value is invalid: the aggregate is built completely before storage is called.</para>
/// </remarks>
/// <param name="cases">The case store.</param>
/// <param name="clock">The clock ("now" for the future-date checks and the creation time).</param>
/// <param name="zone">The district zone for business dates.</param>
/// <param name="logger">The logger: ids, agency codes and outcomes only, never a value of the case.</param>
public sealed class CreateCaseUseCase(ICaseRepository cases, IClock clock, DateTimeZone zone, ILogger<CreateCaseUseCase> logger)
{
    /// <summary>The idempotency operation name of a case create.</summary>
    public const string Operation = "create_case";

    /// <summary>The longest <c>Idempotency-Key</c> accepted, in characters.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    private static readonly Action<ILogger, string, string, string, string, Exception?> LogOutcome =
        LoggerMessage.Define<string, string, string, string>(LogLevel.Information, new EventId(20, "CaseCreate"),
            "Create of case {CaseId} by user {UserId} of agency {Agency}: {Outcome}");

    /// <summary>Opens and stores a case.</summary>
    /// <param name="intake">The intake. Cannot be <see langword="null"/>.</param>
    /// <param name="idempotencyKey">The <c>Idempotency-Key</c> header, or <see langword="null"/>.</param>
    /// <param name="caller">The authenticated caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What happened, with the stored case when it was created or replayed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AccessDeniedException">The caller may not create cases (see <see cref="CaseAccessPolicy"/>).</exception>
    /// <exception cref="DomainValidationException">A value is invalid (the field names it, e.g.
    /// <c>victims[0].birth_date</c>); the key is malformed (<c>Idempotency-Key</c>); an <c>id</c> is sent with a key;
    /// the case has more than <see cref="CaseStorageLimits.MaxPersonsPerCase"/> persons.</exception>
    /// <exception cref="IdentityProtectionException">The case holds identity values and no identity key is configured.</exception>
    public async Task<CaseCreateResult> ExecuteAsync(CaseIntake intake, string? idempotencyKey, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(caller);
        var decision = CaseAccessPolicy.Decide(caller, CaseOperation.Create);
        if (!decision.Allowed)
        {
            throw new AccessDeniedException(decision.Reason);
        }

        string owner = caller.Agency!; // create is own-agency scope: the policy refuses a caller without an agency
        string id;
        IdempotencyClaim? claim = null;
        if (idempotencyKey is not null)
        {
            ValidateKey(idempotencyKey);
            if (intake.Id is not null)
            {
                throw new DomainValidationException("id", CasesAppText.CreateCaseLeaveOutIdWhen);
            }

            id = DeriveCaseId(caller.UserId, idempotencyKey);
        }
        else
        {
            id = intake.Id ?? CaseId.New(Guid.CreateVersion7(clock.GetCurrentInstant().ToDateTimeOffset())).Value;
        }

        CheckPersonCount(intake);
        var record = Build(intake with { Id = id }, clock, zone);
        if (idempotencyKey is not null)
        {
            claim = new IdempotencyClaim(Operation, idempotencyKey, JsonSerializer.SerializeToUtf8Bytes(intake with { Id = id }, TaskForceJson.Options));
        }

        var result = await cases.AddAsync(record, owner, claim, cancellationToken).ConfigureAwait(false);
        LogOutcome(logger, record.Id.Value, caller.UserId, owner, result.Outcome.ToString(), null);
        return result;
    }

    /// <summary>Returns the case id a request with an <c>Idempotency-Key</c> gets.</summary>
    /// <param name="userId">The caller's account id. Cannot be <see langword="null"/>.</param>
    /// <param name="idempotencyKey">The key. Cannot be <see langword="null"/>.</param>
    /// <returns><c>k-</c> followed by the first 32 hex digits of SHA-256(user id, newline, key): the same for every
    /// retry by the same caller, different for another caller using the same key.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string DeriveCaseId(string userId, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(userId + "\n" + idempotencyKey));
        return "k-" + Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>Builds the aggregate from an intake, in the order the domain needs (persons before consent, so the
    /// child rule on consent sees the victims).</summary>
    /// <param name="intake">The intake, with its id set. Cannot be <see langword="null"/>.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="zone">The district zone.</param>
    /// <returns>The case.</returns>
    /// <exception cref="DomainValidationException">A value is invalid; person fields are named by their position,
    /// e.g. <c>victims[1].sex</c>.</exception>
    public static CaseRecord Build(CaseIntake intake, IClock clock, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var record = CaseRecord.Open(intake, clock, zone);
        AddAll(intake.Victims, "victims", "victim", v => record.AddVictim(v));
        AddAll(intake.Suspects, "suspects", "suspect", s => record.AddSuspect(s));
        AddAll(intake.Witnesses, "witnesses", "witness", w => record.AddWitness(w));
        if (intake.Elements is not null)
        {
            record.RecordTraffickingElements(intake.Elements);
        }

        if (intake.Places is not null)
        {
            record.RecordPlaces(intake.Places);
        }

        if (intake.Consent is not null)
        {
            record.RecordConsent(intake.Consent, clock);
        }

        if (intake.GbvAnswers is not null)
        {
            record.ClassifyViolence(intake.GbvAnswers);
        }

        if (intake.SimfoniForms is not null)
        {
            record.RecordSimfoniForms(intake.SimfoniForms);
        }

        if (intake.SpdpSentOn is { } spdp)
        {
            record.RecordSpdpSent(spdp, clock, zone);
        }

        return record;
    }

    private static void AddAll<T>(IReadOnlyList<T>? people, string listField, string domainPrefix, Action<T> add)
        where T : class
    {
        if (people is null)
        {
            return;
        }

        for (int i = 0; i < people.Count; i++)
        {
            string field = $"{listField}[{i}]";
            var person = people[i] ?? throw new DomainValidationException(field, CasesAppText.CreateCasePersonEntryNull);
            try
            {
                add(person);
            }
            catch (DomainValidationException e) when (e.Field == domainPrefix || e.Field.StartsWith(domainPrefix + ".", StringComparison.Ordinal))
            {
                // The domain names a person's fields "victim.sex"; on the wire the person is "victims[1]".
                string message = e.Message;
                int cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
                throw new DomainValidationException(field + e.Field[domainPrefix.Length..], cut < 0 ? message : message[..cut]);
            }
        }
    }

    private static void CheckPersonCount(CaseIntake intake)
    {
        int total = 0;
        foreach (var (name, count) in new[] { ("victims", intake.Victims?.Count ?? 0), ("suspects", intake.Suspects?.Count ?? 0), ("witnesses", intake.Witnesses?.Count ?? 0) })
        {
            total += count;
            if (total > CaseStorageLimits.MaxPersonsPerCase)
            {
                throw new DomainValidationException(name, Texts.Format(CasesAppText.CreateCaseCaseHoldsAtMost, CaseStorageLimits.MaxPersonsPerCase));
            }
        }
    }

    private static void ValidateKey(string key)
    {
        if (key.Length == 0 || key.Length > MaxIdempotencyKeyLength || key.Any(c => c < 0x21 || c > 0x7E))
        {
            throw new DomainValidationException("Idempotency-Key", Texts.Format(CasesAppText.CreateCaseIdempotencyKeyHasPrintable, MaxIdempotencyKeyLength));
        }
    }
}
