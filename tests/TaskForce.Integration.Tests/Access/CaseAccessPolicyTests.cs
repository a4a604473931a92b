using TaskForce.Application.Access;
using TaskForce.Domain.Workflows;

namespace TaskForce.Integration.Tests.Access;

/// <summary>The role × operation × relationship matrix of case records (ADR-020), written out by hand from issue 14:
/// identity only for the owner, the coordinator, an involved police or prosecutor agency, and a referred agency while
/// every victim consents to sharing (UU 21/2007 Pasal 44; ADR-018); every write only for an agency with a tie that
/// the operation needs; a statistician never sees a case.</summary>
public sealed class CaseAccessPolicyTests
{
    private const string Me = "agency_a";

    // Operations in this order:
    internal static IReadOnlyList<CaseOperation> OperationOrder => Operations;

    private static readonly CaseOperation[] Operations =
    [
        CaseOperation.Create, CaseOperation.Read, CaseOperation.List, CaseOperation.ReadIdentity, CaseOperation.Qualify,
        CaseOperation.ReadTimeline, CaseOperation.ReadHistory, CaseOperation.RecordFacts, CaseOperation.Amend, CaseOperation.Assign,
        CaseOperation.ManageCase, CaseOperation.Service, CaseOperation.Refer, CaseOperation.RespondToReferral,
        CaseOperation.CriminalJustice, CaseOperation.Restitution, CaseOperation.HandleSubjectRequest,
    ];

    // Per role and relationship of the caller's agency (own, involved, referred, addressed, unrelated), one character per
    // operation above: y = allowed, - = refused. Referred with the victims' sharing consent given; case unassigned.
    private static readonly Dictionary<(string Role, string Relation), string> Expected = new()
    {
        // create read list Identity qualify timeline history facts amend Assign manage service Refer respond justice restitution Subject
        [("coordinator", "own")] =                  "yyyyyyyyyyyyyyyyy",
        [("coordinator", "involved")] =             "-yyyyyyyyyyyyyyyy",
        [("coordinator", "referred")] =             "-yyyyyyyyyyyyyyyy",
        [("coordinator", "addressed")] =            "-yyyyyyyyyyyyyyyy",
        [("coordinator", "unrelated")] =            "-yyyyyyyyyyyyyyyy",
        [("case_worker", "own")] =                  "yyyyyyyyyyyyy--y-",
        [("case_worker", "involved")] =             "-yy-yyy----------",
        [("case_worker", "referred")] =             "-yyyyyy----y-y-y-",
        [("case_worker", "addressed")] =            "-yy-yyy------y---",
        [("case_worker", "unrelated")] =            "-yy-yyy----------",
        [("police_investigator", "own")] =          "yyyyyyyyyyyyy-yy-",
        [("police_investigator", "involved")] =     "-yyyyyy-----y-yy-",
        [("police_investigator", "referred")] =     "-yyyyyy------yyy-",
        [("police_investigator", "addressed")] =    "-yy-yyy------y---",
        [("police_investigator", "unrelated")] =    "-yy-yyy----------",
        [("prosecutor", "own")] =                   "yyyyyyyyyyyyy-yy-",
        [("prosecutor", "involved")] =              "-yyyyyy-----y-yy-",
        [("prosecutor", "referred")] =              "-yyyyyy------yyy-",
        [("prosecutor", "addressed")] =             "-yy-yyy------y---",
        [("prosecutor", "unrelated")] =             "-yy-yyy----------",
        [("partner_ngo", "own")] =                  "yyyyyyyyyyyyy--y-",
        [("partner_ngo", "involved")] =             "-----------------",
        [("partner_ngo", "referred")] =             "-y-yyyy----y-y-y-",
        [("partner_ngo", "addressed")] =            "-y--yyy------y---",
        [("partner_ngo", "unrelated")] =            "-----------------",
        [("statistician", "own")] =                 "-----------------",
        [("statistician", "involved")] =            "-----------------",
        [("statistician", "referred")] =            "-----------------",
        [("statistician", "addressed")] =           "-----------------",
        [("statistician", "unrelated")] =           "-----------------",
    };

    internal static string ExpectedRow(string role, string relation) => Expected[(role, relation)];

    public static TheoryData<string, string, CaseOperation, bool> Matrix()
    {
        var data = new TheoryData<string, string, CaseOperation, bool>();
        foreach (var ((role, relation), row) in Expected)
        {
            for (int i = 0; i < Operations.Length; i++)
            {
                data.Add(role, relation, Operations[i], row[i] == 'y');
            }
        }

        return data;
    }

    /// <summary>The ties of a case (owned by <c>uptd_x</c> unless the caller owns it) that give <see cref="Me"/> one
    /// relationship.</summary>
    internal static CaseTies TiesFor(string relation, bool consent = true) => relation switch
    {
        "own" => new CaseTies(Me) { SharingConsentGiven = consent },
        "involved" => new CaseTies("uptd_x") { JusticeAgencies = [Me], SharingConsentGiven = consent },
        "referred" => new CaseTies("uptd_x") { Referrals = [new("r-1", ReferralKind.Referral, "uptd_x", Me, "accepted")], SharingConsentGiven = consent },
        "addressed" => new CaseTies("uptd_x") { Referrals = [new("r-1", ReferralKind.Transfer, "uptd_x", Me, "in_progress")], SharingConsentGiven = consent },
        _ => new CaseTies("uptd_x") { Referrals = [new("r-1", ReferralKind.Referral, "uptd_x", "other_ngo", "accepted")], JusticeAgencies = ["polres_x"], SharingConsentGiven = consent },
    };

    internal static Caller Caller(string agency, params string[] roles) => CallerAs("u-1", agency, roles);

    internal static Caller CallerAs(string user, string agency, params string[] roles) =>
        CallerClaims.ToCaller([("oid", user), ("agency", agency), .. roles.Select(r => ("roles", r))], "aad", null)!;

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Decide_FollowsTheMatrix_ForEachRelationship(string role, string relation, CaseOperation operation, bool allowed)
    {
        var decision = CaseAccessPolicy.Decide(Caller(Me, role), operation, TiesFor(relation));

        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(operation, decision.Operation);
    }

    [Theory]
    [InlineData("own", CaseRelationship.Own)]
    [InlineData("involved", CaseRelationship.Involved)]
    [InlineData("referred", CaseRelationship.Referred)]
    [InlineData("addressed", CaseRelationship.Addressed)]
    [InlineData("unrelated", CaseRelationship.Unrelated)]
    public void RelationOf_NamesTheTie_GivenEachCase(string relation, CaseRelationship expected)
    {
        Assert.Equal(expected, TiesFor(relation).RelationOf("AGENCY_A"));
        Assert.Equal(expected, CaseAccessPolicy.Decide(Caller(Me, "case_worker"), CaseOperation.Read, TiesFor(relation)).Relationship);
    }

    [Theory]
    [InlineData("rejected")]
    [InlineData("revoked")]
    [InlineData("done")]
    public void RelationOf_GivesNothing_GivenAReferralThatEnded(string state)
    {
        var ties = new CaseTies("uptd_x") { Referrals = [new("r-1", ReferralKind.Referral, "uptd_x", Me, state)], SharingConsentGiven = true };

        Assert.Equal(CaseRelationship.Unrelated, ties.RelationOf(Me));
        Assert.False(CaseAccessPolicy.MaySeeIdentity(Caller(Me, "partner_ngo"), ties));
        Assert.False(CaseAccessPolicy.Decide(Caller(Me, "partner_ngo"), CaseOperation.Read, ties).Allowed);
    }

    [Fact]
    public void RelationOf_AnAcceptedTransfer_IsNoReferral()
    {
        // A transfer accepted moved the owner (the case row then names the receiving agency); the referral row alone
        // gives nothing.
        var ties = new CaseTies("uptd_x") { Referrals = [new("t-1", ReferralKind.Transfer, "uptd_x", Me, "accepted")], SharingConsentGiven = true };

        Assert.Equal(CaseRelationship.Unrelated, ties.RelationOf(Me));
    }

    [Theory]
    [InlineData("case_worker")]
    [InlineData("police_investigator")]
    [InlineData("prosecutor")]
    [InlineData("partner_ngo")]
    public void MaySeeIdentity_Refused_GivenAReferredAgencyWithoutSharingConsent(string role)
    {
        var decision = CaseAccessPolicy.Decide(Caller(Me, role), CaseOperation.ReadIdentity, TiesFor("referred", consent: false));

        Assert.False(decision.Allowed);
        Assert.Equal("The victims' consent to share is not given (ADR-018); a referred agency sees identity only with it.", decision.Reason);
        Assert.True(CaseAccessPolicy.MaySeeIdentity(Caller(Me, role), TiesFor("own", consent: false))); // the owner needs no sharing consent
    }

    [Fact]
    public void Decide_ManageCase_OnlyTheAssignee_GivenAnAssignedCase()
    {
        var ties = new CaseTies(Me) { AssignedTo = "worker-7" };

        Assert.True(CaseAccessPolicy.Decide(CallerAs("worker-7", Me, "case_worker"), CaseOperation.ManageCase, ties).Allowed);
        var other = CaseAccessPolicy.Decide(CallerAs("worker-8", Me, "case_worker"), CaseOperation.ManageCase, ties);
        Assert.False(other.Allowed);
        Assert.StartsWith("The case is assigned to another case worker", other.Reason, StringComparison.Ordinal);
        Assert.True(CaseAccessPolicy.Decide(CallerAs("worker-8", Me, "case_worker"), CaseOperation.Service, ties).Allowed); // services stay the agency's
        Assert.True(CaseAccessPolicy.Decide(CallerAs("coord", "gugus", "coordinator"), CaseOperation.ManageCase, ties).Allowed);
        Assert.True(CaseAccessPolicy.Decide(CallerAs("worker-8", Me, "case_worker"), CaseOperation.Assign, ties).Allowed); // reassigning is recorded
    }

    [Theory]
    [InlineData("case_management", null, CaseOperation.ManageCase)]
    [InlineData("service", "in_progress", CaseOperation.Service)]
    [InlineData("referral", null, CaseOperation.Refer)]
    [InlineData("referral", "revoked", CaseOperation.Refer)]
    [InlineData("referral", "accepted", CaseOperation.RespondToReferral)]
    [InlineData("referral", "rejected", CaseOperation.RespondToReferral)]
    [InlineData("referral", "done", CaseOperation.RespondToReferral)]
    [InlineData("criminal_justice", "penyidikan", CaseOperation.CriminalJustice)]
    [InlineData("restitution", null, CaseOperation.Restitution)]
    public void OperationFor_MapsEachWorkflow(string workflow, string? to, CaseOperation expected) =>
        Assert.Equal(expected, CaseAccessPolicy.OperationFor(workflow, to));

    [Fact]
    public void Decide_TakesTheWidestRole_AndNoTieWithoutAnAgency()
    {
        var both = Caller("yayasan_x", "partner_ngo", "prosecutor");
        Assert.Equal(AccessScope.AnyAgency, CaseAccessPolicy.ScopeOf(both, CaseOperation.Read));
        Assert.Equal(AccessScope.OwnAgency, CaseAccessPolicy.ScopeOf(Caller(Me, "partner_ngo"), CaseOperation.List));

        var noAgency = CallerClaims.ToCaller([("oid", "u-2"), ("roles", "case_worker")], "aad", null)!;
        Assert.False(CaseAccessPolicy.Decide(noAgency, CaseOperation.Create).Allowed);
        Assert.False(CaseAccessPolicy.Decide(noAgency, CaseOperation.ReadIdentity, TiesFor("own")).Allowed);
        Assert.True(CaseAccessPolicy.Decide(noAgency, CaseOperation.Read, TiesFor("own")).Allowed);

        var noRole = CallerClaims.ToCaller([("oid", "u-3"), ("agency", Me)], "aad", null)!;
        var refused = CaseAccessPolicy.Decide(noRole, CaseOperation.Read);
        Assert.False(refused.Allowed);
        Assert.Equal("The caller has no TaskForce role.", refused.Reason);
    }
}
