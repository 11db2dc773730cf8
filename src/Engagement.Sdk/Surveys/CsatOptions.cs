namespace Engagement.Sdk.Surveys;

/// <summary>How customer satisfaction (CSAT) is measured: the rating scale and the score from which an answer counts
/// as satisfied.</summary>
/// <remarks>The setters validate what they are given; the threshold is checked against the scale when a
/// <see cref="CsatCalculator"/> is created, so the two can be set in either order.</remarks>
public sealed class CsatOptions
{
    private RatingScale _scale = DefaultScale;

    internal static RatingScale DefaultScale { get; } = new(1, 5);

    /// <summary>Gets or sets the rating scale.</summary>
    /// <value>The default value is 1–5.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is the empty <c>default(RatingScale)</c>.</exception>
    public RatingScale Scale
    {
        get => _scale;
        set => _scale = value.ThrowIfInvalid(nameof(value));
    }

    /// <summary>Gets or sets the lowest score that counts as satisfied, or <see langword="null"/> for the top two boxes
    /// (<see cref="RatingScale.Max"/> − 1: 4 and 5 on 1–5).</summary>
    /// <value>The default value is <see langword="null"/>: top-two-box.</value>
    public int? SatisfiedThreshold { get; set; }
}
