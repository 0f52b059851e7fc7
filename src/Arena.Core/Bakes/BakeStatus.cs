namespace Arena.Core.Bakes;

public enum BakeStatus { Queued, Running, Completed, Failed, Cancelled }

public static class BakeStatusExtensions
{
    public static bool IsFinished(this BakeStatus s) => s is BakeStatus.Completed or BakeStatus.Failed or BakeStatus.Cancelled;
}
