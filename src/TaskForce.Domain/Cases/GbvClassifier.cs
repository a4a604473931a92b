using TaskForce.Domain.Common;
using TaskForce.Domain.Resources;

namespace TaskForce.Domain.Cases;

/// <summary>
/// The GBVIMS classification tool: six questions asked in a fixed order, the first "yes" gives the incident's one
/// type, so the most severe act is the one recorded (GBVIMS User Guide ch. 3; docs/sources.md#gbvims).
/// </summary>
/// <remarks>
/// Order: penetration → <see cref="GbvType.Rape"/>; unwanted sexual contact → <see cref="GbvType.SexualAssault"/>;
/// physical assault → <see cref="GbvType.PhysicalAssault"/>; forced marriage → <see cref="GbvType.ForcedMarriage"/>;
/// denial of resources, opportunities or services → <see cref="GbvType.DenialOfResources"/>; psychological or
/// emotional abuse → <see cref="GbvType.PsychologicalAbuse"/>; no "yes" → <see cref="GbvType.NonGbv"/>.
/// Example: an incident with both physical assault and psychological abuse is <c>physical_assault</c>.
/// Every answer before the first "yes" must be known: a missing earlier answer could change the type.
/// </remarks>
public static class GbvClassifier
{
    /// <summary>Classifies an incident.</summary>
    /// <param name="answers">The answers. Cannot be <see langword="null"/>.</param>
    /// <param name="field">The wire name of the answers object, e.g. <c>gbv_answers</c>.</param>
    /// <returns>The one GBVIMS type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> is <see langword="null"/>.</exception>
    /// <exception cref="DomainValidationException">An answer before the first "yes" is missing (the field names it).</exception>
    public static GbvType Classify(NewGbvAnswers answers, string field = "gbv_answers")
    {
        ArgumentNullException.ThrowIfNull(answers);
        (bool? Answer, string Name, GbvType Type)[] order =
        [
            (answers.Penetration, "penetration", GbvType.Rape),
            (answers.UnwantedSexualContact, "unwanted_sexual_contact", GbvType.SexualAssault),
            (answers.PhysicalAssault, "physical_assault", GbvType.PhysicalAssault),
            (answers.ForcedMarriage, "forced_marriage", GbvType.ForcedMarriage),
            (answers.DenialOfResources, "denial_of_resources", GbvType.DenialOfResources),
            (answers.PsychologicalAbuse, "psychological_abuse", GbvType.PsychologicalAbuse),
        ];
        foreach (var (answer, name, type) in order)
        {
            switch (answer)
            {
                case true:
                    return type;
                case null:
                    throw new DomainValidationException($"{field}.{name}", CasesText.GbvQuestionOutOfOrder);
            }
        }

        return GbvType.NonGbv;
    }
}
