using System.Collections.ObjectModel;
using System.Globalization;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// The checks a <see cref="PathState"/> and a <see cref="PathResult"/> share, so that neither holds numbers no log could
/// produce: transitions and paths in their canonical order (ordinal by nodes), each once; no customers, no data; paths
/// of 1 to the definition's length that start and end at its nodes; no repeats when repeats collapse; at most one path
/// per customer; and every step of a path a transition that was counted at least once for each customer whose path
/// takes it.
/// </summary>
internal static class PathData
{
    public static (ReadOnlyCollection<PathTransition> Transitions, ReadOnlyCollection<PathCount> Paths) Check(
        PathDefinition definition, long customers, IReadOnlyList<PathTransition> transitions, IReadOnlyList<PathCount> paths)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfNegative(customers);
        ArgumentNullException.ThrowIfNull(transitions);
        ArgumentNullException.ThrowIfNull(paths);
        if (customers == 0 && (transitions.Count > 0 || paths.Count > 0))
        {
            Fail(transitions.Count > 0 ? nameof(transitions) : nameof(paths), "there are no customers, yet there are transitions or paths");
        }

        var counted = new Dictionary<(string, string), long>(transitions.Count);
        for (var i = 0; i < transitions.Count; i++)
        {
            var t = transitions[i] ?? throw new ArgumentNullException(nameof(transitions), string.Create(CultureInfo.InvariantCulture, $"The transition at index {i} is null."));
            if (i > 0 && Compare(transitions[i - 1], t) >= 0)
            {
                Fail(nameof(transitions), $"transitions must be ordered by nodes, each pair once; {t} comes after {transitions[i - 1]}");
            }

            if (definition.CollapseRepeats && string.Equals(t.From, t.To, StringComparison.Ordinal))
            {
                Fail(nameof(transitions), $"repeats collapse, yet {t} repeats a node");
            }

            counted.Add((t.From, t.To), t.Count);
        }

        long withPath = 0;
        var taken = new Dictionary<(string, string), long>();
        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i] ?? throw new ArgumentNullException(nameof(paths), string.Create(CultureInfo.InvariantCulture, $"The path at index {i} is null."));
            var nodes = path.Nodes;
            if (i > 0 && Compare(paths[i - 1].Nodes, nodes) >= 0)
            {
                Fail(nameof(paths), $"paths must be ordered by nodes, each once; {path} comes after {paths[i - 1]}");
            }

            if (nodes.Count > definition.MaxLength
                || (definition.StartNode is { } start && !string.Equals(nodes[0], start, StringComparison.Ordinal))
                || (definition.EndNode is { } end && !string.Equals(nodes[^1], end, StringComparison.Ordinal)))
            {
                Fail(nameof(paths), $"{path} does not fit {definition}");
            }

            withPath = checked(withPath + path.Customers);
            pairs.Clear();
            for (var k = 1; k < nodes.Count; k++)
            {
                if (definition.CollapseRepeats && string.Equals(nodes[k - 1], nodes[k], StringComparison.Ordinal))
                {
                    Fail(nameof(paths), $"repeats collapse, yet {path} repeats a node");
                }

                if (pairs.Add((nodes[k - 1], nodes[k])))
                {
                    taken[(nodes[k - 1], nodes[k])] = checked(taken.GetValueOrDefault((nodes[k - 1], nodes[k])) + path.Customers);
                }
            }
        }

        if (withPath > customers)
        {
            Fail(nameof(paths), $"{withPath} customers have a path, but there are {customers} customers");
        }

        foreach (var ((from, to), count) in taken)
        {
            if (counted.GetValueOrDefault((from, to)) < count)
            {
                Fail(nameof(paths), $"{count} customers' paths go from '{Validation.Echo(from)}' to '{Validation.Echo(to)}', but that transition was counted {counted.GetValueOrDefault((from, to))} times");
            }
        }

        return (Array.AsReadOnly([.. transitions]), Array.AsReadOnly([.. paths]));
    }

    /// <summary>The canonical order of transitions: ordinal by the earlier node, then the next.</summary>
    internal static int Compare(PathTransition x, PathTransition y)
    {
        var order = string.CompareOrdinal(x.From, y.From);
        return order != 0 ? order : string.CompareOrdinal(x.To, y.To);
    }

    /// <summary>The canonical order of paths: ordinal, node by node; a prefix first.</summary>
    internal static int Compare(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var order = string.CompareOrdinal(x[i], y[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return x.Count.CompareTo(y.Count);
    }

    private static void Fail(string paramName, string message) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Impossible path numbers: {message}."), paramName);
}
