using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Workflows.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflows_Definitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_Definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_KernelCommands",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommandName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Data = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExecuteTime = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_KernelCommands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_KernelErrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkflowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExecutionPointerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ErrorTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_KernelErrors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_KernelEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EventName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EventData = table.Column<string>(type: "TEXT", nullable: true),
                    EventTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsProcessed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_KernelEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_KernelLocks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_KernelLocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_KernelSubscriptions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkflowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StepId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExecutionPointerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EventName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubscribeAsOf = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubscriptionData = table.Column<string>(type: "TEXT", nullable: true),
                    ExternalToken = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExternalWorkerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExternalTokenExpiry = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_KernelSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_KernelWorkflows",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 110, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NextExecution = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: true),
                    CreateTime = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompleteTime = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_KernelWorkflows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_Milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Milestone = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_Milestones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StepKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_Runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReportingCycleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Report = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DefinitionScope = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkflowInstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_Runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_TaskComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_TaskComments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_Tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkflowInstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PointerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StepId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StepType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Join = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AssigneeInstitution = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AssigneeFocalPoint = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AssigneeRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FormJson = table.Column<string>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OverdueSince = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRemindedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AssignmentNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_Tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_KernelPointers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkflowId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StepId = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    SleepUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PersistenceData = table.Column<string>(type: "TEXT", nullable: true),
                    StartTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndTime = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EventName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EventPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    EventData = table.Column<string>(type: "TEXT", nullable: true),
                    StepName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RetryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Children = table.Column<string>(type: "TEXT", nullable: true),
                    ContextItem = table.Column<string>(type: "TEXT", nullable: true),
                    PredecessorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_KernelPointers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workflows_KernelPointers_workflows_KernelWorkflows_WorkflowId",
                        column: x => x.WorkflowId,
                        principalTable: "workflows_KernelWorkflows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Definitions_Scope_Body_State",
                table: "workflows_Definitions",
                columns: new[] { "Scope", "Body", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Definitions_Scope_DefinitionId_Version",
                table: "workflows_Definitions",
                columns: new[] { "Scope", "DefinitionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflows_KernelCommands_CommandName_Data",
                table: "workflows_KernelCommands",
                columns: new[] { "CommandName", "Data" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflows_KernelCommands_ExecuteTime",
                table: "workflows_KernelCommands",
                column: "ExecuteTime");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_KernelErrors_WorkflowId",
                table: "workflows_KernelErrors",
                column: "WorkflowId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_KernelEvents_EventName_EventKey_EventTime",
                table: "workflows_KernelEvents",
                columns: new[] { "EventName", "EventKey", "EventTime" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_KernelEvents_IsProcessed_EventTime",
                table: "workflows_KernelEvents",
                columns: new[] { "IsProcessed", "EventTime" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_KernelPointers_WorkflowId",
                table: "workflows_KernelPointers",
                column: "WorkflowId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_KernelSubscriptions_EventName_EventKey",
                table: "workflows_KernelSubscriptions",
                columns: new[] { "EventName", "EventKey" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_KernelWorkflows_Status_NextExecution",
                table: "workflows_KernelWorkflows",
                columns: new[] { "Status", "NextExecution" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Milestones_RunId_Milestone",
                table: "workflows_Milestones",
                columns: new[] { "RunId", "Milestone" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Notifications_CountryCode_CreatedAt",
                table: "workflows_Notifications",
                columns: new[] { "CountryCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Notifications_StepKey",
                table: "workflows_Notifications",
                column: "StepKey");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Notifications_TaskId_Kind_Day",
                table: "workflows_Notifications",
                columns: new[] { "TaskId", "Kind", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Runs_CountryCode_Body_State",
                table: "workflows_Runs",
                columns: new[] { "CountryCode", "Body", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Runs_WorkflowInstanceId",
                table: "workflows_Runs",
                column: "WorkflowInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_TaskComments_TaskId",
                table: "workflows_TaskComments",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Tasks_CountryCode_State_AssigneeInstitution",
                table: "workflows_Tasks",
                columns: new[] { "CountryCode", "State", "AssigneeInstitution" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Tasks_PointerId_AssigneeInstitution_AssigneeFocalPoint_AssigneeRole",
                table: "workflows_Tasks",
                columns: new[] { "PointerId", "AssigneeInstitution", "AssigneeFocalPoint", "AssigneeRole" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Tasks_RunId",
                table: "workflows_Tasks",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Tasks_State_DueAt",
                table: "workflows_Tasks",
                columns: new[] { "State", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflows_Definitions");

            migrationBuilder.DropTable(
                name: "workflows_KernelCommands");

            migrationBuilder.DropTable(
                name: "workflows_KernelErrors");

            migrationBuilder.DropTable(
                name: "workflows_KernelEvents");

            migrationBuilder.DropTable(
                name: "workflows_KernelLocks");

            migrationBuilder.DropTable(
                name: "workflows_KernelPointers");

            migrationBuilder.DropTable(
                name: "workflows_KernelSubscriptions");

            migrationBuilder.DropTable(
                name: "workflows_Milestones");

            migrationBuilder.DropTable(
                name: "workflows_Notifications");

            migrationBuilder.DropTable(
                name: "workflows_Runs");

            migrationBuilder.DropTable(
                name: "workflows_TaskComments");

            migrationBuilder.DropTable(
                name: "workflows_Tasks");

            migrationBuilder.DropTable(
                name: "workflows_KernelWorkflows");
        }
    }
}
