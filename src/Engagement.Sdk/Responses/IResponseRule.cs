namespace Engagement.Sdk.Responses;

/// <summary>
/// A response rule: when its <see cref="Trigger"/> fires for a customer, the <see cref="ResponsePlanner"/> asks it what
/// to plan. <see cref="ResponseRule"/> is the built-in, declarative implementation; hosts implement this interface to
/// decide from the event, the customer's recent events and attributes.
/// </summary>
/// <remarks>
/// The planner reads <see cref="Name"/>, <see cref="Trigger"/> and <see cref="Cap"/> once, when it is created, and
/// calls <see cref="Decide"/> each time the trigger fires, on the thread that feeds the planner. A rule's answer must
/// depend only on the context it is given (and state the host controls) for the plan to be deterministic.
/// </remarks>
public interface IResponseRule
{
    /// <summary>Gets the rule's name, unique within a policy; planned responses and statistics carry it.</summary>
    string Name { get; }

    /// <summary>Gets what makes the rule fire.</summary>
    ResponseTrigger Trigger { get; }

    /// <summary>Gets the rule's frequency cap, or <see langword="null"/> when its responses are not limited.</summary>
    FrequencyCap? Cap { get; }

    /// <summary>Decides what to plan when the trigger has fired.</summary>
    /// <param name="context">The customer, the trigger and what fired it.</param>
    /// <returns>The action to plan, or <see langword="null"/> to plan nothing this time.</returns>
    ResponseAction? Decide(ResponseContext context);
}
