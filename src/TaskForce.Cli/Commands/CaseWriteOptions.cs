using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TaskForce.Application.Access;
using TaskForce.Application.Ports;
using TaskForce.Domain.Cases;
using TaskForce.Domain.Common;
using TaskForce.Cli.Resources;

namespace TaskForce.Cli.Commands;

/// <summary>The options every command that changes a stored case shares (<c>amend</c>, <c>consent</c>): who acts, for
/// which agency, and the case version the change was prepared against; the one place the tool's acting caller and its
/// <c>If-Match</c> default are decided (ADR-017).</summary>
/// <remarks>The tool is the data officer's, run with the task-force secretariat's rights: the caller is a coordinator
/// named by <c>--actor</c> (default the operating-system user, as <c>import</c> records it) for <c>--agency</c> (default
/// <c>gugus_tugas</c>). Without <c>--if-match</c> the version is the one read now, so the write is still refused if the
/// case changes between the tool's read and write.</remarks>
internal sealed class CaseWriteOptions
{
    /// <summary>The agency recorded when <c>--agency</c> is not given: the task-force secretariat.</summary>
    public const string DefaultAgency = "gugus_tugas";

    public Option<string?> IfMatch { get; } = new("--if-match") { Description = CliText.OptIfMatch };

    public Option<string?> Actor { get; } = new("--actor") { Description = CliText.OptActor };

    public Option<string?> Agency { get; } = new("--agency") { Description = CliText.OptWriteAgency };

    /// <summary>Adds the three options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(IfMatch);
        command.Options.Add(Actor);
        command.Options.Add(Agency);
    }

    /// <summary>The acting caller: a coordinator named by <c>--actor</c> for <c>--agency</c>.</summary>
    /// <exception cref="DomainValidationException">The actor or agency is too long or has control characters.</exception>
    public Caller CallerOf(ParseResult parseResult)
    {
        var who = Domain.Workflows.Actor.Create(parseResult.GetValue(Actor) ?? Environment.UserName, parseResult.GetValue(Agency) ?? DefaultAgency);
        return CallerClaims.ToCaller([("oid", who.UserId), ("agency", who.Agency), ("roles", "coordinator")], "taskforce-cli", null)!;
    }

    /// <summary>The version to write against: <c>--if-match</c>, or the stored case's current ETag.</summary>
    /// <exception cref="DomainValidationException">No case is stored under the id (<c>case</c>).</exception>
    public async Task<string> ETagAsync(ParseResult parseResult, CliContext ctx, string caseId, CancellationToken cancellationToken) =>
        parseResult.GetValue(IfMatch)
        ?? (await ctx.Services.GetRequiredService<ICaseRepository>().GetAsync(CaseId.Parse(caseId, "case"), cancellationToken).ConfigureAwait(false))?.ETag
        ?? throw new DomainValidationException("case", Texts.Format(CliText.ErrCaseNotStored, caseId));
}
