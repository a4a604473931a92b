using NodaTime;
using NodaTime.Testing;
using Snapshooter;
using Snapshooter.Xunit;
using TaskForce.Domain.Common;
using TaskForce.Domain.Workflows;
using static TaskForce.Domain.Tests.Workflows.WorkflowFixture;

namespace TaskForce.Domain.Tests.Workflows;

/// <summary>
/// Walks every (from, to) pair of every workflow through the public API and snapshots the observed matrix, so any
/// change to a table shows up in review.
/// </summary>
public class TransitionMatrixTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2030, 1, 1, 0, 0));

    [Theory]
    [InlineData(CaseManagementWorkflow.Code)]
    [InlineData(ServiceWorkflow.Code)]
    [InlineData(ReferralWorkflow.Code)]
    [InlineData(CriminalJusticeWorkflow.Code)]
    [InlineData(RestitutionWorkflow.Code)]
    public void Matrix_MatchesTableAndSnapshot_GivenEveryFromToPair(string workflow)
    {
        SortedDictionary<string, string> matrix = workflow switch
        {
            CaseManagementWorkflow.Code => Walk(CaseManagementWorkflow.Default, new CaseManagementContext(RiskLevel.Tinggi)),
            ServiceWorkflow.Code => Walk(ServiceWorkflow.Default, new ServiceContext(ServiceType.RehabilitasiSosial, false, false)),
            ReferralWorkflow.Code => Walk(ReferralWorkflow.Default, new ReferralContext(ReferralKind.Referral, Staff.Agency, Staff.Agency, ConsentToShare.Given)),
            CriminalJusticeWorkflow.Code => Walk(CriminalJusticeWorkflow.Default, new CriminalJusticeContext(new LocalDate(2019, 12, 1))),
            RestitutionWorkflow.Code => Walk(RestitutionWorkflow.Default, new RestitutionContext(RestitutionBasis.Uu21Tahun2007)),
            _ => throw new ArgumentOutOfRangeException(nameof(workflow)),
        };

        Snapshot.Match(matrix, SnapshotNameExtension.Create(workflow));
    }

    [Fact]
    public void Catalogue_Find_ThrowsNamingField_GivenUnknownWorkflow()
    {
        var ex = Assert.Throws<DomainValidationException>(() => WorkflowCatalogue.Find("case"));
        Assert.Equal("workflow", ex.Field);
        Assert.Contains("criminal_justice", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["case_management", "service", "referral", "criminal_justice", "restitution"], WorkflowCatalogue.All.Select(w => w.Code));
    }

    /// <summary>
    /// For each pair: in the table → some history reaching <c>from</c> lets it succeed; not in the table → it throws
    /// IllegalTransitionException whose allowed targets are exactly the targets that succeed from the same history.
    /// Returns the observed matrix.
    /// </summary>
    private static SortedDictionary<string, string> Walk<TState, TContext>(WorkflowDefinition<TState, TContext> def, TContext context)
        where TState : struct, Enum
        where TContext : class
    {
        var matrix = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var from in def.States)
        {
            var basePath = PathTo(def, from);
            Assert.True(basePath is not null, $"{def.Code}: state {def.ToCode(from)} is unreachable from {def.InitialStateCode}.");
            foreach (var to in def.States)
            {
                string key = $"{def.ToCode(from)} -> {def.ToCode(to)}";
                var rule = def.Find(from, to);
                if (rule is null)
                {
                    var instance = Load(def, context, basePath!);
                    int version = instance.Version;
                    var ex = Assert.Throws<IllegalTransitionException>(() => instance.TransitionTo(to, Staff, Clock, "a reason", effectiveOn: NextDate(instance)));
                    Assert.Equal((def.Code, def.ToCode(from), def.ToCode(to)), (ex.Workflow, ex.From, ex.To));
                    Assert.Null(ex.Refusal);
                    Assert.Equal(version, instance.Version);
                    // The allowed targets are judged on the facts as they are: a step in place that needs new facts (a
                    // risk reassessment, ADR-023) is not offered.
                    var succeeding = def.RulesFrom(from).Where(r => Succeeds(def, context, basePath!, r.To, withStepFacts: false)).Select(r => def.ToCode(r.To));
                    Assert.Equal(succeeding, ex.AllowedTargets);
                    matrix[key] = "illegal";
                    continue;
                }

                // Try every way into 'from' (the DPO guard depends on where the person absconded from).
                var candidates = new List<List<TState>> { basePath! };
                foreach (var into in def.Transitions.Where(r => EqualityComparer<TState>.Default.Equals(r.To, from)))
                {
                    if (PathTo(def, into.From) is { } p)
                    {
                        candidates.Add([.. p, from]);
                    }
                }

                var working = candidates.FirstOrDefault(p => Succeeds(def, context, p, to));
                Assert.True(working is not null, $"{def.Code}: table pair {key} never succeeds.");
                var fresh = Load(def, context, working!);
                var noReason = Record.Exception(() => fresh.TransitionTo(to, Staff, Clock, reason: null, effectiveOn: NextDate(fresh), context: StepFacts(fresh, to)));
                bool reasonRequired = noReason is DomainValidationException { Field: "reason" };
                Assert.Equal(rule.Reason == ReasonRule.Required, reasonRequired);
                matrix[key] = (reasonRequired ? "allowed, reason required" : "allowed") + (rule.GuardName is { } g ? $", guard {g}" : string.Empty);
            }
        }

        return matrix;
    }

    private static bool Succeeds<TState, TContext>(WorkflowDefinition<TState, TContext> def, TContext context, List<TState> path, TState to, bool withStepFacts = true)
        where TState : struct, Enum
        where TContext : class
    {
        var instance = Load(def, context, path);
        try
        {
            var record = instance.TransitionTo(to, Staff, Clock, "a reason", effectiveOn: NextDate(instance), context: withStepFacts ? StepFacts(instance, to) : null);
            Assert.Equal(path.Count + 1, record.Sequence);
            Assert.Equal(def.ToCode(to), instance.StateCode);
            return true;
        }
        catch (IllegalTransitionException)
        {
            return false;
        }
    }

    private static WorkflowInstance<TState, TContext> Load<TState, TContext>(WorkflowDefinition<TState, TContext> def, TContext context, List<TState> path)
        where TState : struct, Enum
        where TContext : class =>
        def.Rehydrate("subject-1", context, History(def, "subject-1", path), Wita);

    /// <summary>The facts a step in place carries: a case-management stage repeated in place is a risk reassessment
    /// (ADR-023), so it brings a new level recorded at the next sequence; no other step brings facts.</summary>
    private static TContext? StepFacts<TState, TContext>(WorkflowInstance<TState, TContext> instance, TState to)
        where TState : struct, Enum
        where TContext : class
    {
        if (instance.Context is not CaseManagementContext cm || !EqualityComparer<TState>.Default.Equals(instance.State, to))
        {
            return null;
        }

        var level = cm.RiskLevel == RiskLevel.Sedang ? RiskLevel.Tinggi : RiskLevel.Sedang;
        return (TContext)(object)(cm with { RiskLevel = level, Reassessments = [.. cm.Reassessments, new RiskReassessment(instance.Version + 1, cm.RiskLevel, level)] });
    }

    private static LocalDate NextDate<TState, TContext>(WorkflowInstance<TState, TContext> instance)
        where TState : struct, Enum
        where TContext : class =>
        instance.History[^1].EffectiveOn.PlusDays(30);
}
