using Engagement.Sdk.Value;
using MathNet.Numerics.Distributions;

namespace Engagement.Sdk.Benchmarks.Value;

/// <summary>
/// Customers drawn from the BG/NBD model with a fixed seed: λ ~ Gamma(r, rate α), p ~ Beta(a, b), purchases a Poisson
/// process with rate λ, and after each repeat purchase the customer leaves with probability p; ages T uniform in
/// [26, 39] weeks. Shared by the benchmarks and the recovery test.
/// </summary>
public static class BgNbdSimulation
{
    /// <summary>Draws <paramref name="count"/> customers in weeks.</summary>
    public static CustomerSummaries Draw(int count, double r, double alpha, double a, double b, int seed)
    {
        var random = new Random(seed);
        var rates = new Gamma(r, alpha, random);
        var dropout = new Beta(a, b, random);
        var frequency = new int[count];
        var recency = new double[count];
        var age = new double[count];
        for (var i = 0; i < count; i++)
        {
            var lambda = rates.Sample();
            var p = dropout.Sample();
            var observed = 26 + (13 * random.NextDouble());
            double time = 0, last = 0;
            var x = 0;
            while (true)
            {
                time += -Math.Log(1 - random.NextDouble()) / lambda;
                if (time > observed)
                {
                    break;
                }

                x++;
                last = time;
                if (random.NextDouble() < p)
                {
                    break;
                }
            }

            frequency[i] = x;
            recency[i] = last;
            age[i] = observed;
        }

        return CustomerSummaries.FromColumns(TimeUnit.Week, frequency, recency, age);
    }
}
