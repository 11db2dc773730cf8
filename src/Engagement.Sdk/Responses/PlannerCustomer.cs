namespace Engagement.Sdk.Responses;

/// <summary>One customer's state in a <see cref="ResponsePlanner"/>: what its time-based and stage triggers and its
/// caps need. Arrays are sized by the policy, empty when it has no such rule.</summary>
internal sealed class PlannerCustomer
{
    public const long NoTime = long.MinValue;

    public PlannerCustomer(string id, int carts, int inactivities, int stageSets, int capGroups, int recentEvents)
    {
        Id = id;
        CartDeadline = carts == 0 ? [] : new long[carts];
        CartPending = carts == 0 ? [] : new bool[carts];
        Array.Fill(CartDeadline, NoTime);
        Watching = inactivities == 0 ? [] : new bool[inactivities];
        InactivityPending = inactivities == 0 ? [] : new bool[inactivities];
        Stage = stageSets == 0 ? [] : new int[stageSets];
        Array.Fill(Stage, -1);
        Caps = capGroups == 0 ? [] : new CapWindow?[capGroups];
        Recent = recentEvents == 0 ? null : new RecentEventWindow(recentEvents);
    }

    public string Id { get; }

    /// <summary>The UTC ticks of the customer's latest event, or <see cref="NoTime"/>.</summary>
    public long LastEvent { get; set; } = NoTime;

    /// <summary>Per cart rule: the open cart's deadline (latest add-to-cart + wait), or <see cref="NoTime"/>.</summary>
    public long[] CartDeadline { get; }

    /// <summary>Per cart rule: whether a timer is queued.</summary>
    public bool[] CartPending { get; }

    /// <summary>Per inactivity rule: whether the customer is watched (has done the rule's after-event, if any).</summary>
    public bool[] Watching { get; }

    /// <summary>Per inactivity rule: whether a timer is queued.</summary>
    public bool[] InactivityPending { get; }

    /// <summary>Per stage-rule set: the index in its model of the customer's current stage, or -1.</summary>
    public int[] Stage { get; }

    /// <summary>Per cap group: the due times that still count, created on first use.</summary>
    public CapWindow?[] Caps { get; }

    /// <summary>The latest events, when the policy has a predicate trigger.</summary>
    public RecentEventWindow? Recent { get; }
}
