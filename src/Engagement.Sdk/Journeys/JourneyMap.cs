using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Engagement.Sdk.Touchpoints;

namespace Engagement.Sdk.Journeys;

/// <summary>
/// A customer journey map: a persona, the stages of its journey, the touchpoints expected at each stage and the pain
/// points known there. <see cref="Compare"/> holds it against an <see cref="EventLog"/>; <see cref="ToMermaid"/> draws it
/// as a Mermaid <c>journey</c> diagram; it round-trips through strict JSON.
/// </summary>
/// <remarks>
/// An event is a touchpoint of the map when its channel (by name, ignoring case, as <see cref="ChannelCatalog"/>
/// compares them) and the stage its stage rule gives are those of an expected <see cref="Touchpoint"/>; events no rule
/// matches are no touchpoint. Maps are equal when every member is equal, in order. Immutable and thread-safe.
/// </remarks>
public sealed class JourneyMap : IEquatable<JourneyMap>
{
    /// <summary>Creates a journey map.</summary>
    /// <param name="persona">Whose journey it is, such as <c>first-time buyer</c>; a valid name of 1 to 100 characters.</param>
    /// <param name="stages">The stages, in journey order.</param>
    /// <param name="touchpoints">The expected touchpoints, each at a stage of <paramref name="stages"/>, none twice.</param>
    /// <param name="painPoints">The known pain points, each at a stage of <paramref name="stages"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>, or a pain point is.</exception>
    /// <exception cref="ArgumentException">The persona is invalid, a touchpoint or pain point is at a stage the model does
    /// not hold, or a touchpoint appears twice.</exception>
    [JsonConstructor]
    public JourneyMap(string persona, StageModel stages, IReadOnlyList<Touchpoint> touchpoints, IReadOnlyList<JourneyMapPainPoint> painPoints)
    {
        Persona = Validation.Name(persona, nameof(persona), "persona");
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(touchpoints);
        ArgumentNullException.ThrowIfNull(painPoints);
        var seen = new HashSet<Touchpoint>();
        for (var i = 0; i < touchpoints.Count; i++)
        {
            RequireStage(stages, touchpoints[i].Stage, i, nameof(touchpoints));
            if (!seen.Add(touchpoints[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The touchpoint at index {i}, '{Validation.Echo(touchpoints[i].ToString())}', appears more than once."),
                    nameof(touchpoints));
            }
        }

        for (var i = 0; i < painPoints.Count; i++)
        {
            var painPoint = painPoints[i] ?? throw new ArgumentNullException(nameof(painPoints), string.Create(CultureInfo.InvariantCulture, $"The pain point at index {i} is null."));
            RequireStage(stages, painPoint.Stage, i, nameof(painPoints));
        }

        Stages = stages;
        Touchpoints = Array.AsReadOnly([.. touchpoints]);
        PainPoints = Array.AsReadOnly([.. painPoints]);
    }

    /// <summary>Gets whose journey it is.</summary>
    public string Persona { get; }

    /// <summary>Gets the stages, in journey order.</summary>
    public StageModel Stages { get; }

    /// <summary>Gets the expected touchpoints.</summary>
    public IReadOnlyList<Touchpoint> Touchpoints { get; }

    /// <summary>Gets the known pain points.</summary>
    public IReadOnlyList<JourneyMapPainPoint> PainPoints { get; }

    /// <summary>Holds the map against what the customers of a log did.</summary>
    /// <param name="log">The log.</param>
    /// <param name="rules">The rules that give each event its stage; their model must be the map's stages.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The expected touchpoints used (by how many customers), those missing, the unexpected ones, and the
    /// customers who hit each pain point.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The rules' model is not the map's stages.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public JourneyMapComparison Compare(EventLog log, StageRules rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(rules);
        if (!rules.Model.Equals(Stages))
        {
            throw new ArgumentException(
                $"The rules' stages ({Validation.Echo(rules.Model.ToString())}) are not the map's ({Validation.Echo(Stages.ToString())}).", nameof(rules));
        }

        var classifier = new StageClassifier(log, rules);
        var (channelNodes, labels) = ChannelNodes.Of(log);
        var painEvents = new int[PainPoints.Count];
        for (var p = 0; p < painEvents.Length; p++)
        {
            painEvents[p] = PainPoints[p].EventName is { } name && log.TryGetEventNameId(name, out var id) ? id : -1;
        }

        var tally = CustomerScan.Run(
            log,
            (first, end) => Usage.Scan(log, classifier, channelNodes, labels.Length, Stages.Count, painEvents, first, end),
            (into, later) => into.MergeFrom(later),
            cancellationToken);
        return tally.ToComparison(this, log, channelNodes, labels);
    }

    /// <summary>
    /// Writes the map as a Mermaid <c>journey</c> diagram: the persona as title and actor, a section per stage that has
    /// touchpoints or pain points, a task per touchpoint (its name, or its channel's) and one per pain point.
    /// </summary>
    /// <param name="comparison">A comparison of this map with a log, or <see langword="null"/>. Without it every touchpoint
    /// scores 3 (neutral); with it a touchpoint scores 1 + 4 × its share of customers, rounded (1 unused, 5 used by all).
    /// Pain points score 1.</param>
    /// <returns>The diagram's source text, lines ending in <c>\n</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="comparison"/> is of another map.</exception>
    /// <remarks>
    /// Mermaid's journey grammar ends a task name at <c>:</c>, drops what follows <c>#</c> or <c>%%</c> as a comment, ends a
    /// statement at <c>;</c> or a line break and splits actors at <c>,</c>; and a task whose name starts with
    /// <c>journey</c>, or with <c>title</c> or <c>section</c> and a space, reads as that keyword. So texts are written with look-alikes:
    /// <c>:</c> as U+A789 (꞉), <c>;</c> as U+FF1B (；), <c>#</c> as U+FF03 (＃), <c>%</c> as U+FF05 (％), a comma in
    /// the actor as U+201A (‚), control characters as spaces, and such a task name after a word joiner (U+2060).
    /// </remarks>
    public string ToMermaid(JourneyMapComparison? comparison = null)
    {
        if (comparison is not null && !Equals(comparison.Map))
        {
            throw new ArgumentException("The comparison is of another journey map.", nameof(comparison));
        }

        var actor = Escape(Persona, actor: true);
        var text = new StringBuilder("journey\n").Append("    title ").Append(Escape(Persona, actor: false)).Append('\n');
        foreach (var stage in Stages.Stages)
        {
            var tasks = new List<(string Name, int Score)>();
            for (var i = 0; i < Touchpoints.Count; i++)
            {
                if (Touchpoints[i].Stage == stage)
                {
                    var share = comparison?.Expected[i].Share.Value;
                    tasks.Add((Touchpoints[i].Name ?? Touchpoints[i].Channel.Name, share is { } s ? 1 + (int)Math.Round(4 * s, MidpointRounding.AwayFromZero) : 3));
                }
            }

            foreach (var painPoint in PainPoints)
            {
                if (painPoint.Stage == stage)
                {
                    tasks.Add(("⚠ " + painPoint.Description, 1));
                }
            }

            if (tasks.Count == 0)
            {
                continue;
            }

            text.Append("    section ").Append(Escape(stage.Name, actor: false)).Append('\n');
            foreach (var (name, score) in tasks)
            {
                text.Append("      ").Append(TaskName(name)).Append(CultureInfo.InvariantCulture, $": {score}: ").Append(actor).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public bool Equals(JourneyMap? other) =>
        other is not null
        && string.Equals(Persona, other.Persona, StringComparison.Ordinal)
        && Stages.Equals(other.Stages)
        && Touchpoints.SequenceEqual(other.Touchpoints)
        && PainPoints.SequenceEqual(other.PainPoints);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as JourneyMap);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Persona), Stages, Touchpoints.Count, PainPoints.Count);

    /// <summary>Returns the map as <c>first-time buyer: 5 stages, 8 touchpoints, 2 pain points</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Persona}: {Stages.Count} stages, {Touchpoints.Count} touchpoints, {PainPoints.Count} pain points");

    private static void RequireStage(StageModel stages, JourneyStage stage, int index, string paramName)
    {
        if (!stages.Contains(stage))
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The entry at index {index} is at the stage '{Validation.Echo(stage.Name)}', which the map's stages ({Validation.Echo(stages.ToString())}) do not hold."),
                paramName);
        }
    }

    // Mermaid's lexer tries its keywords before a task name, case-insensitively: "journey" with anything after it, and
    // "title" or "section" followed by white space.
    private static string TaskName(string name)
    {
        var escaped = Escape(name, actor: false);
        var start = escaped.TrimStart();
        var keyword = start.StartsWith("journey", StringComparison.OrdinalIgnoreCase)
            || (start.Length > 5 && start.StartsWith("title", StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(start[5]))
            || (start.Length > 7 && start.StartsWith("section", StringComparison.OrdinalIgnoreCase) && char.IsWhiteSpace(start[7]));
        return keyword ? "\u2060" + escaped : escaped;
    }

    private static string Escape(string text, bool actor)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                ':' => '\uA789',
                ';' => '\uFF1B',
                '#' => '\uFF03',
                '%' => '\uFF05',
                ',' when actor => '\u201A',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }

        return escaped.ToString();
    }

    /// <summary>Customers and events per (channel node, stage) and customers per pain point, of a run of customers.</summary>
    private sealed class Usage
    {
        private Usage(int cells, int painPoints)
        {
            CellCustomers = new long[cells];
            CellEvents = new long[cells];
            PainCustomers = new long[painPoints];
        }

        private long Customers { get; set; }

        private long Unstaged { get; set; }

        private long[] CellCustomers { get; }

        private long[] CellEvents { get; }

        private long[] PainCustomers { get; }

        public static Usage Scan(
            EventLog log, StageClassifier classifier, int[] channelNodes, int channels, int stages, int[] painEvents, int firstCustomer, int endCustomer)
        {
            var usage = new Usage(channels * stages, painEvents.Length);
            var seen = new int[channels * stages];
            var painSeen = new int[painEvents.Length];
            Array.Fill(seen, -1);
            Array.Fill(painSeen, -1);
            var names = log.EventNameIds;
            var channelIds = log.ChannelIds;
            for (var customer = firstCustomer; customer < endCustomer; customer++)
            {
                usage.Customers++;
                var range = log.GetCustomerRange(customer);
                for (var row = range.Start; row < range.End; row++)
                {
                    for (var p = 0; p < painEvents.Length; p++)
                    {
                        if (painEvents[p] == names[row] && painSeen[p] != customer)
                        {
                            painSeen[p] = customer;
                            usage.PainCustomers[p]++;
                        }
                    }

                    var stage = classifier.StageOf(names[row], channelIds[row]);
                    if (stage < 0)
                    {
                        usage.Unstaged++;
                        continue;
                    }

                    var cell = (channelNodes[channelIds[row]] * stages) + stage;
                    usage.CellEvents[cell]++;
                    if (seen[cell] != customer)
                    {
                        seen[cell] = customer;
                        usage.CellCustomers[cell]++;
                    }
                }
            }

            return usage;
        }

        public void MergeFrom(Usage other)
        {
            Customers += other.Customers;
            Unstaged += other.Unstaged;
            for (var i = 0; i < CellCustomers.Length; i++)
            {
                CellCustomers[i] += other.CellCustomers[i];
                CellEvents[i] += other.CellEvents[i];
            }

            for (var p = 0; p < PainCustomers.Length; p++)
            {
                PainCustomers[p] += other.PainCustomers[p];
            }
        }

        public JourneyMapComparison ToComparison(JourneyMap map, EventLog log, int[] channelNodes, string[] labels)
        {
            var stages = map.Stages.Count;
            var expectedCells = new HashSet<int>();
            var expected = new TouchpointUsage[map.Touchpoints.Count];
            for (var i = 0; i < expected.Length; i++)
            {
                var touchpoint = map.Touchpoints[i];
                var node = Array.FindIndex(labels, label => string.Equals(label, touchpoint.Channel.Name, StringComparison.OrdinalIgnoreCase));
                var cell = node < 0 ? -1 : (node * stages) + map.Stages.IndexOf(touchpoint.Stage);
                if (cell >= 0)
                {
                    expectedCells.Add(cell);
                }

                expected[i] = new TouchpointUsage(touchpoint, cell < 0 ? 0 : CellCustomers[cell], cell < 0 ? 0 : CellEvents[cell], Customers);
            }

            var unexpected = new List<TouchpointUsage>();
            for (var cell = 0; cell < CellEvents.Length; cell++)
            {
                if (CellEvents[cell] > 0 && !expectedCells.Contains(cell))
                {
                    var channel = log.Channels[Array.IndexOf(channelNodes, cell / stages)];
                    unexpected.Add(new TouchpointUsage(new Touchpoint(channel, map.Stages.Stages[cell % stages]), CellCustomers[cell], CellEvents[cell], Customers));
                }
            }

            unexpected.Sort((x, y) =>
                x.Customers != y.Customers ? y.Customers.CompareTo(x.Customers)
                : x.Touchpoint.Stage != y.Touchpoint.Stage ? map.Stages.Compare(x.Touchpoint.Stage, y.Touchpoint.Stage)
                : string.Compare(x.Touchpoint.Channel.Name, y.Touchpoint.Channel.Name, StringComparison.OrdinalIgnoreCase));
            var painPoints = new PainPointUsage[map.PainPoints.Count];
            for (var p = 0; p < painPoints.Length; p++)
            {
                painPoints[p] = new PainPointUsage(map.PainPoints[p], map.PainPoints[p].EventName is null ? null : PainCustomers[p], Customers);
            }

            return new JourneyMapComparison(map, Customers, expected, [.. unexpected], painPoints, Unstaged);
        }
    }
}
