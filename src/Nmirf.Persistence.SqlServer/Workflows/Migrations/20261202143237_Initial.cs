using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.SqlServer.Workflows.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "workflows");

            migrationBuilder.CreateTable(
                name: "Definitions",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    DefinitionId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Body = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    State = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ImportedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KernelCommands",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommandName = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Data = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ExecuteTime = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KernelCommands", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KernelErrors",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    WorkflowId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ExecutionPointerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ErrorTime = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Message = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KernelErrors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KernelEvents",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    EventName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EventKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EventData = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    EventTime = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IsProcessed = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KernelEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KernelLocks",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KernelLocks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KernelSubscriptions",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkflowId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StepId = table.Column<int>(type: "int", nullable: false),
                    ExecutionPointerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    EventName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EventKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubscribeAsOf = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubscriptionData = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ExternalToken = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ExternalWorkerId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ExternalTokenExpiry = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KernelSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KernelWorkflows",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DefinitionId = table.Column<string>(type: "nvarchar(110)", maxLength: 110, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Reference = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    NextExecution = table.Column<long>(type: "bigint", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Data = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CreateTime = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CompleteTime = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KernelWorkflows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Milestones",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Milestone = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Symbol = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Milestones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TaskId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    StepKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Recipient = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Message = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Runs",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ReportingCycleId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Report = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DefinitionScope = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    DefinitionId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "int", nullable: false),
                    WorkflowInstanceId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    State = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    StartedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaskComments",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    TaskId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Author = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskComments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    RunId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkflowInstanceId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PointerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StepId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    StepType = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Join = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Instructions = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true),
                    AssigneeInstitution = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    AssigneeFocalPoint = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AssigneeRole = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    FormJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    State = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    AnswersJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Decision = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: true),
                    CompletedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OverdueSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastRemindedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AssignmentNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KernelPointers",
                schema: "workflows",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkflowId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StepId = table.Column<int>(type: "int", nullable: false),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    SleepUntil = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PersistenceData = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    StartTime = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EndTime = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EventName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    EventKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    EventPublished = table.Column<bool>(type: "bit", nullable: false),
                    EventData = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    StepName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RetryCount = table.Column<int>(type: "int", nullable: false),
                    Children = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ContextItem = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    PredecessorId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Scope = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KernelPointers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KernelPointers_KernelWorkflows_WorkflowId",
                        column: x => x.WorkflowId,
                        principalSchema: "workflows",
                        principalTable: "KernelWorkflows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Definitions_Scope_Body_State",
                schema: "workflows",
                table: "Definitions",
                columns: new[] { "Scope", "Body", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Definitions_Scope_DefinitionId_Version",
                schema: "workflows",
                table: "Definitions",
                columns: new[] { "Scope", "DefinitionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KernelCommands_CommandName_Data",
                schema: "workflows",
                table: "KernelCommands",
                columns: new[] { "CommandName", "Data" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KernelCommands_ExecuteTime",
                schema: "workflows",
                table: "KernelCommands",
                column: "ExecuteTime");

            migrationBuilder.CreateIndex(
                name: "IX_KernelErrors_WorkflowId",
                schema: "workflows",
                table: "KernelErrors",
                column: "WorkflowId");

            migrationBuilder.CreateIndex(
                name: "IX_KernelEvents_EventName_EventKey_EventTime",
                schema: "workflows",
                table: "KernelEvents",
                columns: new[] { "EventName", "EventKey", "EventTime" });

            migrationBuilder.CreateIndex(
                name: "IX_KernelEvents_IsProcessed_EventTime",
                schema: "workflows",
                table: "KernelEvents",
                columns: new[] { "IsProcessed", "EventTime" });

            migrationBuilder.CreateIndex(
                name: "IX_KernelPointers_WorkflowId",
                schema: "workflows",
                table: "KernelPointers",
                column: "WorkflowId");

            migrationBuilder.CreateIndex(
                name: "IX_KernelSubscriptions_EventName_EventKey",
                schema: "workflows",
                table: "KernelSubscriptions",
                columns: new[] { "EventName", "EventKey" });

            migrationBuilder.CreateIndex(
                name: "IX_KernelWorkflows_Status_NextExecution",
                schema: "workflows",
                table: "KernelWorkflows",
                columns: new[] { "Status", "NextExecution" });

            migrationBuilder.CreateIndex(
                name: "IX_Milestones_RunId_Milestone",
                schema: "workflows",
                table: "Milestones",
                columns: new[] { "RunId", "Milestone" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CountryCode_CreatedAt",
                schema: "workflows",
                table: "Notifications",
                columns: new[] { "CountryCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_StepKey",
                schema: "workflows",
                table: "Notifications",
                column: "StepKey");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TaskId_Kind_Day",
                schema: "workflows",
                table: "Notifications",
                columns: new[] { "TaskId", "Kind", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_CountryCode_Body_State",
                schema: "workflows",
                table: "Runs",
                columns: new[] { "CountryCode", "Body", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_WorkflowInstanceId",
                schema: "workflows",
                table: "Runs",
                column: "WorkflowInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskComments_TaskId",
                schema: "workflows",
                table: "TaskComments",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_CountryCode_State_AssigneeInstitution",
                schema: "workflows",
                table: "Tasks",
                columns: new[] { "CountryCode", "State", "AssigneeInstitution" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PointerId_AssigneeInstitution_AssigneeFocalPoint_AssigneeRole",
                schema: "workflows",
                table: "Tasks",
                columns: new[] { "PointerId", "AssigneeInstitution", "AssigneeFocalPoint", "AssigneeRole" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_RunId",
                schema: "workflows",
                table: "Tasks",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_State_DueAt",
                schema: "workflows",
                table: "Tasks",
                columns: new[] { "State", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Definitions",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "KernelCommands",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "KernelErrors",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "KernelEvents",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "KernelLocks",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "KernelPointers",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "KernelSubscriptions",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "Milestones",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "Notifications",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "Runs",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "TaskComments",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "Tasks",
                schema: "workflows");

            migrationBuilder.DropTable(
                name: "KernelWorkflows",
                schema: "workflows");
        }
    }
}
