namespace Arena.Evaluation;

/// <summary>
/// A suite, a check or an instruction that cannot be used as written. The message says what is wrong and where
/// (the suite's line number once the reader knows it), in one line fit for the CLI, a page or a ProblemDetails.
/// </summary>
public sealed class SuiteException(string message) : Exception(message);
