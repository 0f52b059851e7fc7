namespace Arena.Starter.Tests.Training;

/// <summary>
/// The tests that train with TorchSharp's optimizers run alone, never beside other test classes. Under parallel load
/// one failed once inside AdamW.step with libtorch's "Expected false to be true" at Scalar::toFloat (a clean-clone CI
/// run, 2026-12-07; it passes alone and passed in every other run): a native scalar read after it was freed, which
/// the garbage pressure of concurrent tests makes likelier. Running them alone costs seconds.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingCollection
{
    public const string Name = "training";
}
