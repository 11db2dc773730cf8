namespace Engagement.Sdk.Surveys;

/// <summary>How customer effort (CES) is measured: the agreement scale for "The company made it easy for me to handle
/// my issue" and the score from which an answer counts as low effort.</summary>
/// <remarks>The setters validate what they are given; the threshold is checked against the scale when a
/// <see cref="CesCalculator"/> is created, so the two can be set in either order.</remarks>
public sealed class CesOptions
{
    private RatingScale _scale = DefaultScale;

    internal static RatingScale DefaultScale { get; } = new(1, 7);

    /// <summary>Gets or sets the agreement scale (1 = strongly disagree … 7 = strongly agree by default).</summary>
    /// <value>The default value is 1–7.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is the empty <c>default(RatingScale)</c>.</exception>
    public RatingScale Scale
    {
        get => _scale;
        set => _scale = value.ThrowIfInvalid(nameof(value));
    }

    /// <summary>Gets or sets the lowest score that counts as low effort (agreement), or <see langword="null"/> for every
    /// score above the scale's midpoint (5, 6 and 7 on 1–7).</summary>
    /// <value>The default value is <see langword="null"/>: above the midpoint.</value>
    public int? LowEffortThreshold { get; set; }
}
