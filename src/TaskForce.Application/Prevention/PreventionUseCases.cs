using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Import;
using TaskForce.Application.Ports;
using TaskForce.Application.Resources;
using TaskForce.Domain.Common;
using TaskForce.Domain.Indicators;
using TaskForce.Domain.Prevention;

namespace TaskForce.Application.Prevention;

/// <summary>The answer of <see cref="PreventionUseCases.RecordAsync"/>.</summary>
/// <param name="View">The stored activity.</param>
/// <param name="Created">Whether it was written now (<see langword="false"/>: the same id and values were stored).</param>
public sealed record RecordedPrevention(PreventionActivityView View, bool Created);

/// <summary>
/// The use cases of prevention activities (issue 16 item 1; ADR-033): record, read, revise under <c>If-Match</c>,
/// import a CSV, and compute the indicators. Access: <see cref="PreventionAccessPolicy"/>.
/// </summary>
/// <param name="repository">The store.</param>
/// <param name="clock">The clock.</param>
/// <param name="zone">The district's zone (business dates).</param>
public sealed class PreventionUseCases(IPreventionRepository repository, IClock clock, DateTimeZone zone)
{
    /// <summary>The format name of the CSV import (<c>taskforce import --format prevention</c>).</summary>
    public const string Format = "prevention";

    /// <summary>The agency of imported rows without an <c>agency</c> column value, unless the import names one.</summary>
    public const string DefaultImportAgency = "gugus_tugas";

    /// <summary>Records a new activity, or answers with the stored one when the same id was recorded with the same values.</summary>
    /// <param name="input">The body. Cannot be <see langword="null"/>.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="idempotencyKey">The client's <c>Idempotency-Key</c>, or <see langword="null"/>: when the body has
    /// no id, the id is derived from the agency and the key (<c>pa-k-</c> and 16 hex digits of their SHA-256), so a
    /// retry finds the stored activity.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored activity and whether it was written now.</returns>
    /// <exception cref="AccessDeniedException">The policy refuses (nothing written).</exception>
    /// <exception cref="DomainValidationException">A value is invalid (names the field; nothing written).</exception>
    /// <exception cref="PreventionConflictException">The id is stored with other values (nothing written).</exception>
    public async Task<RecordedPrevention> RecordAsync(PreventionActivityInput input, Caller caller, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > 200 || idempotencyKey.Any(c => c is < ' ' or > '~')))
        {
            throw new DomainValidationException("Idempotency-Key", PreventionAppText.IdempotencyKeyShape);
        }

        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(caller);
        string agency = PreventionAccessPolicy.AgencyToRecord(caller, input.Agency);
        var facts = input.ToFacts();
        Instant now = clock.GetCurrentInstant();
        string id = input.Id ?? (idempotencyKey is null ? NewId(facts.Date) : KeyedId(agency, idempotencyKey));
        var activity = PreventionActivity.Record(id, agency, facts, caller.UserId, now, DistrictTime.Today(clock, zone));
        return await StoreNewAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one activity.</summary>
    /// <param name="id">The activity id.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view, or <see langword="null"/> when none has the id.</returns>
    /// <exception cref="AccessDeniedException">The caller has no role.</exception>
    public async Task<PreventionActivityView?> GetAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        PreventionAccessPolicy.RequireRead(caller);
        var stored = await repository.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : PreventionActivityView.Of(stored.Activity, stored.ETag);
    }

    /// <summary>Revises an activity: replaces its facts under <c>If-Match</c>.</summary>
    /// <param name="id">The activity id (the route's).</param>
    /// <param name="input">The new values (its <c>id</c> is ignored; an <c>agency</c> other than the stored one is refused).</param>
    /// <param name="ifMatch">The ETag the caller read, or <see langword="null"/>.</param>
    /// <param name="caller">The caller. Cannot be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored activity (the same version when every value was on file), or <see langword="null"/> when
    /// none has the id.</returns>
    /// <exception cref="PreconditionRequiredException">No <c>If-Match</c> (nothing written).</exception>
    /// <exception cref="AccessDeniedException">The policy refuses (nothing written).</exception>
    /// <exception cref="DomainValidationException">A value is invalid (names the field; nothing written).</exception>
    /// <exception cref="ConcurrencyConflictException">The activity changed since it was read (nothing written).</exception>
    public async Task<PreventionActivityView?> ReviseAsync(string id, PreventionActivityInput input, string? ifMatch, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw new PreconditionRequiredException(PreventionAppText.IfMatchRequired);
        }

        var stored = await repository.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        PreventionAccessPolicy.RequireRevise(caller, stored.Activity);
        if (input.Agency is { } agency && !string.Equals(agency.Trim(), stored.Activity.Agency, StringComparison.OrdinalIgnoreCase))
        {
            throw new AccessDeniedException(Texts.Format(PreventionAppText.ReviseDenied, stored.Activity.Agency));
        }

        if (!string.Equals(Unquote(ifMatch), Unquote(stored.ETag), StringComparison.Ordinal))
        {
            throw new ConcurrencyConflictException(PreventionAppText.Stale);
        }

        var activity = stored.Activity;
        if (!activity.Revise(input.ToFacts(), clock.GetCurrentInstant(), DistrictTime.Today(clock, zone)))
        {
            return PreventionActivityView.Of(activity, stored.ETag);
        }

        try
        {
            string etag = await repository.ReplaceAsync(activity, stored.ETag, cancellationToken).ConfigureAwait(false);
            return PreventionActivityView.Of(activity, etag);
        }
        catch (ConcurrencyConflictException e)
        {
            throw new ConcurrencyConflictException(PreventionAppText.Stale, e);
        }
    }

    /// <summary>Computes the prevention indicators of a region and period.</summary>
    /// <param name="region">A region code (kabupaten/kota for the coverage of desa).</param>
    /// <param name="period">A reporting period label (<c>2025</c>, <c>2025-Q1</c>, …).</param>
    /// <param name="caller">The caller, or <see langword="null"/> for the operator's tool.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The indicators.</returns>
    /// <exception cref="AccessDeniedException">The caller has no role.</exception>
    /// <exception cref="DomainValidationException">The region or period is malformed (fields <c>region</c>,
    /// <c>period</c>).</exception>
    public async Task<PreventionIndicatorSet> IndicatorsAsync(string? region, string? period, Caller? caller, CancellationToken cancellationToken)
    {
        if (caller is not null)
        {
            PreventionAccessPolicy.RequireRead(caller);
        }

        var code = RegionCode.Parse(region);
        if (!code.IsAll)
        {
            KemendagriRegions.Require(code, "region");
        }

        ReportingPeriod p;
        try
        {
            p = ReportingPeriod.Parse(period);
        }
        catch (DomainValidationException)
        {
            throw new DomainValidationException("period", Texts.Format(PreventionAppText.YearShape, period ?? string.Empty));
        }

        var stored = await repository.ListAsync(p.Start, p.End, cancellationToken).ConfigureAwait(false);
        return PreventionIndicators.Compute(stored.Select(s => s.Activity), code, p);
    }

    /// <summary>Imports a CSV of activities (<see cref="PreventionCsv"/>): a row already stored with the same values is
    /// a duplicate, with other values a rejected conflict; a bad row is rejected with its line, the rest are kept.</summary>
    /// <param name="reader">The CSV text. Cannot be <see langword="null"/>.</param>
    /// <param name="source">The file name, for the report.</param>
    /// <param name="agency">The agency of rows without one (<see cref="DefaultImportAgency"/> when <see langword="null"/>).</param>
    /// <param name="recordedBy">The operator's account name.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>The report.</returns>
    /// <exception cref="DomainValidationException">The file cannot be read as a whole (see <see cref="PreventionCsv.Read"/>).</exception>
    public async Task<ImportReport> ImportAsync(TextReader reader, string source, string? agency, string recordedBy, CancellationToken cancellationToken)
    {
        var rows = PreventionCsv.Read(reader, source);
        int imported = 0, duplicates = 0;
        var errors = new List<ImportError>();
        LocalDate today = DistrictTime.Today(clock, zone);
        foreach (var row in rows)
        {
            if (row.Input is null)
            {
                errors.Add(new ImportError(row.Line, row.Error!));
                continue;
            }

            try
            {
                var activity = PreventionActivity.Record(row.Input.Id, row.Input.Agency ?? agency ?? DefaultImportAgency, row.Input.ToFacts(),
                    string.IsNullOrWhiteSpace(recordedBy) ? "import" : recordedBy, clock.GetCurrentInstant(), today);
                var result = await StoreNewAsync(activity, cancellationToken).ConfigureAwait(false);
                if (result.Created)
                {
                    imported++;
                }
                else
                {
                    duplicates++;
                }
            }
            catch (DomainValidationException e)
            {
                errors.Add(new ImportError(row.Line, $"{CsvField(e.Field)}: {e.Message}"));
            }
            catch (PreventionConflictException e)
            {
                errors.Add(new ImportError(row.Line, $"activity_id: {e.Message}"));
            }
        }

        return new ImportReport(Format, source, rows.Count, imported, duplicates, errors.Count, [.. errors.Take(Import.ImportVerdictsUseCase.MaxReportedErrors)], []);
    }

    /// <summary>Returns the text of a 404 for an unknown activity, in the reader's language.</summary>
    /// <param name="id">The id asked for.</param>
    /// <returns>The text.</returns>
    public static string NotFoundText(string? id) => Texts.Format(PreventionAppText.NotFound, id ?? string.Empty);

    private async Task<RecordedPrevention> StoreNewAsync(PreventionActivity activity, CancellationToken cancellationToken)
    {
        string? etag = await repository.AddAsync(activity, cancellationToken).ConfigureAwait(false);
        if (etag is not null)
        {
            return new RecordedPrevention(PreventionActivityView.Of(activity, etag), true);
        }

        var stored = await repository.GetAsync(activity.Id, cancellationToken).ConfigureAwait(false);
        if (stored is not null && stored.Activity.Agency == activity.Agency && stored.Activity.Facts == activity.Facts)
        {
            return new RecordedPrevention(PreventionActivityView.Of(stored.Activity, stored.ETag), false);
        }

        throw new PreventionConflictException(Texts.Format(PreventionAppText.IdTaken, activity.Id));
    }

    private static string CsvField(string field) => field.StartsWith("participants.", StringComparison.Ordinal) ? field["participants.".Length..]
        : field == "id" ? "activity_id" : field;

    private static string Unquote(string etag)
    {
        string v = etag.Trim();
        if (v.StartsWith("W/", StringComparison.Ordinal))
        {
            v = v[2..];
        }

        return v.Trim('"');
    }

    private static string KeyedId(string agency, string key) =>
        "pa-k-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(agency + "|" + key)))[..16];

    private static string NewId(LocalDate date) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pa-{date.Year:D4}-{Guid.NewGuid():N}")[..20];
}

/// <summary>Thrown when an activity id is stored already with other values (HTTP 409); nothing was written.</summary>
public sealed class PreventionConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What conflicts (no personal data).</param>
    public PreventionConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no details (required by the .NET exception pattern).</summary>
    public PreventionConflictException()
    {
    }

    /// <summary>Creates the exception wrapping another one.</summary>
    /// <param name="message">What conflicts.</param>
    /// <param name="innerException">The cause.</param>
    public PreventionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
