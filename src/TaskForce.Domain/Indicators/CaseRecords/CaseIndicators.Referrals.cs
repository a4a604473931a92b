using TaskForce.Domain.Workflows;

namespace TaskForce.Domain.Indicators;

/// <content>The <c>referrals</c> and <c>referrals_accepted_rate</c> family: referrals sent in the period by their first decision.</content>
public static partial class CaseIndicators
{
    private static void AddReferrals(CellSet cells, Scope s)
    {
        var input = s.Input;
        long[] byOutcome = new long[4];
        long total = 0;
        for (int c = 0; c < input.CaseCount; c++)
        {
            if (!s.Selected[c])
            {
                continue;
            }

            for (int i = input.CaseReferralStart[c]; i < input.CaseReferralStart[c + 1]; i++)
            {
                int sent = input.ReferralSent[i];
                if (sent < s.FirstDay || sent > s.LastDay)
                {
                    continue;
                }

                total++;
                int decided = input.ReferralDecided[i];
                var outcome = decided != IndicatorInput.NoDay && decided <= s.LastDay ? (ReferralOutcome)input.ReferralOutcomeCode[i] : ReferralOutcome.InProgress;
                byOutcome[outcome switch { ReferralOutcome.Accepted => 0, ReferralOutcome.Rejected => 1, ReferralOutcome.Revoked => 2, _ => 3 }]++;
            }
        }

        const string id = IndicatorIds.Referrals;
        int t = cells.Count(id, "referrals", total);
        var parts = Enumerable.Range(0, 4).Select(i => cells.Count(id, "referrals", byOutcome[i], ("outcome", ReferralOutcomes[i]))).ToArray();
        cells.Total(t, parts);
        cells.Rate(IndicatorIds.ReferralsAcceptedRate, parts[0], [parts[0], parts[1]], 100m, 1);
    }
}
