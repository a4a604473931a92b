namespace TaskForce.Domain.Workflows;

/// <summary>Whether a transition must carry a written reason. Part of each workflow's transition table.</summary>
public enum ReasonRule
{
    /// <summary>A reason may be given; none is required.</summary>
    Optional = 0,

    /// <summary>A non-blank reason is required; a transition without one is rejected as bad input.</summary>
    Required = 1,
}
