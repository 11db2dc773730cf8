namespace Engagement.Sdk.Value;

/// <summary>Checks that a fit's diagnostics describe its model: the same parameters, in order, with the same values.</summary>
internal static class FitAgreement
{
    public static void Check(FitDiagnostics diagnostics, string paramName, params ReadOnlySpan<(string Name, double Value)> parameters)
    {
        var estimates = diagnostics.Parameters;
        if (estimates.Count != parameters.Length)
        {
            throw new ArgumentException(
                RepeatPurchase.Text($"The diagnostics have {estimates.Count} parameters; the model has {parameters.Length}."), paramName);
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            var (name, value) = parameters[i];
            if (!string.Equals(estimates[i].Name, name, StringComparison.Ordinal) || !estimates[i].Value.Equals(value))
            {
                throw new ArgumentException(
                    RepeatPurchase.Text($"The diagnostics give {Validation.Echo(estimates[i].Name)} = {estimates[i].Value} where the model has {name} = {value}."),
                    paramName);
            }
        }
    }
}
