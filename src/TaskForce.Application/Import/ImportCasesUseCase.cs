using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using TaskForce.Application.Access;
using TaskForce.Application.Cases;
using TaskForce.Application.Ports;
using TaskForce.Application.Resources;
using TaskForce.Application.Serialization;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;

namespace TaskForce.Application.Import;

/// <summary>
/// Imports case records in the project's own format (<c>taskforce import --format taskforce</c>,
/// docs/wire-contract.md): JSON Lines, one case a line, each line the body of <c>POST /cases</c>
/// (<see cref="CaseIntake"/>) with its <c>id</c>.
/// </summary>
/// <remarks>
/// <para>Each line goes through the same validation and storage as <c>POST /cases</c> (<see cref="CreateCaseUseCase"/>):
/// nothing of a line is stored unless all of it is valid, and its persons and case row are written in one transaction.
/// The id is required so that importing the same file again recognises its cases: a stored case with the same id and
/// the same content is a duplicate (nothing written); the same id with other content is rejected as a conflict, never
/// overwritten.</para>
/// <para>The cases are recorded as created by the tool's operator for <c>ownerAgency</c> (the agency code the access
/// rules compare, e.g. <c>uptd_ppa_ttu</c>). Identity values are stored encrypted; a line with identity values and no
/// identity key configured is rejected (fail closed, ADR-004). Errors name the line and the field, never a value of
/// the case (UU 21/2007 Pasal 44).</para>
/// <para>With a store that keeps the counting read model (<see cref="ICaseChunkWriter"/>), the lines go in chunks of
/// 100: the read model's bookkeeping is a few batch requests per chunk (ADR-012, "Bulk import").</para>
/// </remarks>
/// <param name="cases">The case store.</param>
/// <param name="clock">The clock (future-date checks, creation time).</param>
/// <param name="zone">The district zone.</param>
/// <param name="logger">The logger (ids and outcomes only).</param>
public sealed class ImportCasesUseCase(ICaseRepository cases, IClock clock, DateTimeZone zone, ILogger<CreateCaseUseCase> logger)
{
    /// <summary>The format name in reports.</summary>
    public const string Format = "taskforce";

    private static readonly FrozenSet<TaskForceRole> OperatorRoles = new[] { TaskForceRole.Coordinator }.ToFrozenSet();

    /// <summary>Imports a file.</summary>
    /// <param name="reader">The JSON Lines text; blank lines are skipped.</param>
    /// <param name="file">The file name for the report.</param>
    /// <param name="ownerAgency">The owning agency code recorded with every case (1–64 characters
    /// <c>[a-z0-9_]</c>).</param>
    /// <param name="operatorId">The account id of the person running the import, for the log.</param>
    /// <param name="cancellationToken">Cancels the import; lines already stored stay stored and a re-run completes it.</param>
    /// <returns>The contract's import report (at most <see cref="ImportVerdictsUseCase.MaxReportedErrors"/> errors).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException"><paramref name="ownerAgency"/> is malformed (field <c>agency</c>).</exception>
    public Task<ImportReport> ImportAsync(TextReader reader, string file, string ownerAgency, string operatorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ImportLinesAsync(Utf8Lines.ReadAsync(reader, cancellationToken), file, ownerAgency, operatorId, cancellationToken);
    }

    /// <summary>Imports a file's bytes, decoded strictly line by line (<see cref="Utf8Lines"/>): a line that is not
    /// UTF-8 is rejected with its number and the others are read.</summary>
    /// <param name="stream">The JSON Lines bytes; blank lines are skipped.</param>
    /// <param name="file">The file name for the report.</param>
    /// <param name="ownerAgency">The owning agency code recorded with every case.</param>
    /// <param name="operatorId">The account id of the person running the import, for the log.</param>
    /// <param name="cancellationToken">Cancels the import; lines already stored stay stored and a re-run completes it.</param>
    /// <returns>The contract's import report.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException"><paramref name="ownerAgency"/> is malformed (field <c>agency</c>).</exception>
    public Task<ImportReport> ImportAsync(Stream stream, string file, string ownerAgency, string operatorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ImportLinesAsync(Utf8Lines.ReadAsync(stream, InputJson.MaxBytes, cancellationToken), file, ownerAgency, operatorId, cancellationToken);
    }

    private async Task<ImportReport> ImportLinesAsync(IAsyncEnumerable<InputLine> lines, string file, string ownerAgency, string operatorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(ownerAgency);
        ArgumentNullException.ThrowIfNull(operatorId);
        if (ownerAgency.Length is 0 or > 64 || !ownerAgency.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            throw new DomainValidationException("agency", ImportText.AgencyCode);
        }

        var caller = new Caller(operatorId, ownerAgency, OperatorRoles, "taskforce-cli");
        var chunkWriter = cases as ICaseChunkWriter;
        int read = 0, imported = 0, duplicates = 0, rejected = 0;
        var today = DistrictTime.Today(clock, zone);
        var errors = new List<ImportError>();
        void Reject(int at, DomainValidationException error)
        {
            rejected++;
            errors.Add(ImportError.Of(at, error));
        }

        // Chunks of up to 100 lines: with a read-model store (ICaseChunkWriter) the chunk's cases are announced in one
        // request before any is written and followed in batches after all of them (ADR-012, "Bulk import"); each case
        // is still written in its own single batch request.
        var chunk = new List<(int Line, CaseIntake Intake)>(ICaseChunkWriter.MaxChunk);
        await using var input = lines.GetAsyncEnumerator(cancellationToken);
        bool more = true;
        while (more)
        {
            chunk.Clear();
            while (chunk.Count < ICaseChunkWriter.MaxChunk)
            {
                if (!await input.MoveNextAsync().ConfigureAwait(false))
                {
                    more = false;
                    break;
                }

                int line = input.Current.Number;
                if (input.Current.Error is { } unreadable)
                {
                    read++;
                    Reject(line, unreadable);
                    continue;
                }

                string text = input.Current.Text!;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                read++;
                try
                {
                    var intake = InputJson.Read<CaseIntake>(Encoding.UTF8.GetBytes(text), today: today, zone: zone)
                        ?? throw new DomainValidationException("body", ImportText.LineNotACase);
                    if (string.IsNullOrWhiteSpace(intake.Id))
                    {
                        throw new DomainValidationException("id", ImportText.CaseIdRequired);
                    }

                    chunk.Add((line, intake));
                }
                catch (DomainValidationException e)
                {
                    Reject(line, e);
                }
            }

            if (chunk.Count == 0)
            {
                continue;
            }

            ICaseWriteChunk? writes = chunkWriter is null ? null
                : await chunkWriter.BeginChunkAsync([.. chunk.Select(c => c.Intake.Id!)], cancellationToken).ConfigureAwait(false);
            var create = new CreateCaseUseCase(writes ?? cases, clock, zone, logger);
            foreach (var (at, intake) in chunk)
            {
                try
                {
                    var result = await create.ExecuteAsync(intake, null, caller, cancellationToken).ConfigureAwait(false);
                    switch (result.Outcome)
                    {
                        case CaseCreateOutcome.Created:
                            imported++;
                            break;
                        case CaseCreateOutcome.IdAlreadyExists when await SameAsStoredAsync(intake, cancellationToken).ConfigureAwait(false):
                            duplicates++;
                            break;
                        default:
                            Reject(at, InputProblems.Create("id", Texts.Format(ImportText.CaseStoredOtherContent, intake.Id), InputProblems.Conflict));
                            break;
                    }
                }
                catch (DomainValidationException e)
                {
                    Reject(at, e);
                }
                catch (IdentityProtectionException)
                {
                    Reject(at, new DomainValidationException("line", ImportText.CaseNeedsIdentityKey));
                }
            }

            if (writes is not null)
            {
                await writes.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (read == 0)
        {
            throw new DomainValidationException("file", Texts.Format(ImportText.FileHoldsNoRecords, file));
        }

        var sorted = errors.OrderBy(e => e.Line).ToList();
        return new ImportReport(Format, file, read, imported, duplicates, rejected, [.. sorted.Take(ImportVerdictsUseCase.MaxReportedErrors)], []) { AllErrors = sorted };
    }

    /// <summary>Whether the stored case equals the one the line describes (apart from when each was recorded).</summary>
    private async Task<bool> SameAsStoredAsync(CaseIntake intake, CancellationToken cancellationToken)
    {
        var stored = await cases.GetAsync(CaseId.Parse(intake.Id!, "id"), cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return false;
        }

        var before = stored.Record.ToState();
        var now = CreateCaseUseCase.Build(intake, clock, zone).ToState() with
        {
            CreatedAt = before.CreatedAt,
            ConsentRecordedAt = before.ConsentRecordedAt,
            VictimConsents = before.VictimConsents, // given, changed or withdrawn after intake (ADR-018), not on the line
        };
        return JsonSerializer.Serialize(before, TaskForceJson.Options) == JsonSerializer.Serialize(now, TaskForceJson.Options);
    }
}
