using TaskForce.Application.Access;

namespace TaskForce.Integration.Tests.Access;

/// <summary>The role × operation × own/other-agency matrix of case records, written out by hand from issue 3 and 7:
/// identity only for the owning agency and the coordinator (UU 21/2007 Pasal 44), a statistician never sees a case,
/// a partner NGO only its own agency's cases.</summary>
public sealed class CaseAccessPolicyTests
{
    // Per role, per operation in the order create, read, list, read_identity, qualify, transition, read_timeline,
    // record_facts, amend, read_history, subject_request (UU 27/2022 requests: coordinator only, ADR-019):
    // A = any agency, O = own agency only, - = never.
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["coordinator"] = "OAAAAAAAAAA",
        ["case_worker"] = "OAAOAAAAAA-",
        ["police_investigator"] = "OAAOAAAAAA-",
        ["prosecutor"] = "OAAOAAAAAA-",
        ["partner_ngo"] = "OOOOOOOOOO-",
        ["statistician"] = "-----------",
    };

    private static readonly CaseOperation[] Operations =
        [CaseOperation.Create, CaseOperation.Read, CaseOperation.List, CaseOperation.ReadIdentity, CaseOperation.Qualify, CaseOperation.Transition, CaseOperation.ReadTimeline, CaseOperation.RecordFacts, CaseOperation.Amend, CaseOperation.ReadHistory, CaseOperation.HandleSubjectRequest];

    public static TheoryData<string, CaseOperation, bool, bool> Matrix()
    {
        var data = new TheoryData<string, CaseOperation, bool, bool>();
        foreach (var (role, row) in Expected)
        {
            for (int i = 0; i < Operations.Length; i++)
            {
                data.Add(role, Operations[i], row[i] != '-', row[i] == 'A'); // (own agency allowed, other agency allowed)
            }
        }

        return data;
    }

    private static Caller Caller(string agency, params string[] roles) =>
        CallerClaims.ToCaller([("oid", "u-1"), ("agency", agency), .. roles.Select(r => ("roles", r))], "aad", null)!;

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Decide_FollowsTheMatrix_ForOwnAndOtherAgency(string role, CaseOperation operation, bool own, bool other)
    {
        var caller = Caller("uptd_ppa_ttu", role);

        Assert.Equal(own, CaseAccessPolicy.Decide(caller, operation, "UPTD_PPA_TTU").Allowed);
        Assert.Equal(other, CaseAccessPolicy.Decide(caller, operation, "polres_ttu").Allowed);
        Assert.Equal(own, CaseAccessPolicy.Decide(caller, operation).Allowed); // role level: some scope at all
    }

    [Fact]
    public void MaySeeIdentity_OnlyOwnerAndCoordinator()
    {
        Assert.True(CaseAccessPolicy.MaySeeIdentity(Caller("uptd_ppa_ttu", "case_worker"), "uptd_ppa_ttu"));
        Assert.False(CaseAccessPolicy.MaySeeIdentity(Caller("polres_ttu", "police_investigator"), "uptd_ppa_ttu"));
        Assert.True(CaseAccessPolicy.MaySeeIdentity(Caller("gugus_tugas_ttu", "coordinator"), "uptd_ppa_ttu"));
        Assert.False(CaseAccessPolicy.MaySeeIdentity(Caller("uptd_ppa_ttu", "statistician"), "uptd_ppa_ttu")); // own agency, but aggregates only
    }

    [Fact]
    public void Decide_TakesTheWidestRole_AndRefusesOwnScopeWithoutAnAgency()
    {
        var both = Caller("yayasan_x", "partner_ngo", "prosecutor");
        Assert.Equal(AccessScope.AnyAgency, CaseAccessPolicy.ScopeOf(both, CaseOperation.Read));

        var noAgency = CallerClaims.ToCaller([("oid", "u-2"), ("roles", "case_worker")], "aad", null)!;
        Assert.False(CaseAccessPolicy.Decide(noAgency, CaseOperation.Create).Allowed);
        Assert.False(CaseAccessPolicy.Decide(noAgency, CaseOperation.ReadIdentity, "uptd_ppa_ttu").Allowed);
        Assert.True(CaseAccessPolicy.Decide(noAgency, CaseOperation.Read, "uptd_ppa_ttu").Allowed);

        var noRole = CallerClaims.ToCaller([("oid", "u-3"), ("agency", "uptd_ppa_ttu")], "aad", null)!;
        var refused = CaseAccessPolicy.Decide(noRole, CaseOperation.Read);
        Assert.False(refused.Allowed);
        Assert.Equal("The caller has no TaskForce role.", refused.Reason);
    }
}
