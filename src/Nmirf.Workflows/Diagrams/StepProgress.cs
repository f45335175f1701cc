namespace Nmirf.Workflows.Diagrams;

/// <summary>Where a step of a running instance stands, as diagrams and <c>nmirf cycle show</c> mark it.</summary>
public enum StepProgress
{
    Pending,
    Current,
    Done,
}
