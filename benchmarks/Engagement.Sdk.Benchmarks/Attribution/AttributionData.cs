using System.Globalization;
using Engagement.Sdk.Attribution;

namespace Engagement.Sdk.Benchmarks.Attribution;

/// <summary>
/// Fixed-seed conversion paths for the attribution benchmarks: journeys over <c>c00</c>…<c>c{n−1}</c> whose channels
/// are drawn with Zipf-like popularity (weight 1/(i+1)), 1 to 12 touches (geometric, mean about 3), hours to days apart,
/// converting with a probability that grows with the journey's length and with its low-numbered ("strong") channels,
/// values log-normal around 80.
/// </summary>
public static class AttributionData
{
    private static readonly DateTimeOffset Origin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Generates journeys.</summary>
    /// <param name="count">The number of journeys.</param>
    /// <param name="channels">The number of channels.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The journeys, each with its touches' times and costs (0.1 per touch of the first half of the channels, the
    /// "paid" ones).</returns>
    public static ConversionPath[] Journeys(int count, int channels, int seed)
    {
        var random = new Random(seed);
        var names = new string[channels];
        var cumulative = new double[channels];
        var total = 0.0;
        for (var i = 0; i < channels; i++)
        {
            names[i] = "c" + i.ToString("00", CultureInfo.InvariantCulture);
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }

        var journeys = new ConversionPath[count];
        var touches = new List<AttributionTouch>(12);
        for (var j = 0; j < count; j++)
        {
            touches.Clear();
            var time = Origin.AddMinutes(random.Next(365 * 24 * 60));
            var strength = 0.0;
            do
            {
                var channel = Array.BinarySearch(cumulative, random.NextDouble() * total);
                channel = channel < 0 ? Math.Min(~channel, channels - 1) : channel;
                touches.Add(new AttributionTouch(names[channel], time, channel < channels / 2 ? 0.1 : 0));
                strength += 1.0 / (channel + 2);
                time = time.AddMinutes(1 + random.Next(3 * 24 * 60));
            }
            while (touches.Count < 12 && random.NextDouble() < 0.65);

            var converted = random.NextDouble() < Math.Min(0.9, 0.02 + (0.1 * strength));
            var value = converted ? Math.Round(80 * Math.Exp(0.5 * Normal(random)), 2) : 0;
            journeys[j] = new ConversionPath(touches, converted, value, touches[^1].Time.AddHours(1));
        }

        return journeys;
    }

    /// <summary>Generates journeys and collects them with their times (nearly every path distinct).</summary>
    /// <param name="count">The number of journeys.</param>
    /// <param name="channels">The number of channels.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The paths.</returns>
    public static ConversionPaths Timed(int count, int channels, int seed) => ConversionPaths.Create(Journeys(count, channels, seed));

    /// <summary>Generates journeys and collects them as aggregated paths, without times (equal sequences merged), as an
    /// export would give them.</summary>
    /// <param name="count">The number of journeys.</param>
    /// <param name="channels">The number of channels.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The paths.</returns>
    public static ConversionPaths Aggregated(int count, int channels, int seed) =>
        ConversionPaths.Create(Journeys(count, channels, seed).Select(j =>
            new AggregatedPath(j.Touches.Select(t => t.Channel), j.Converted ? 1 : 0, j.Value, j.Converted ? 0 : 1)));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
