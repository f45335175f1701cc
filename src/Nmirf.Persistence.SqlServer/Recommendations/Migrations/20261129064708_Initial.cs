using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.SqlServer.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "recommendations");

            migrationBuilder.CreateTable(
                name: "Clusters",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Read = table.Column<int>(type: "int", nullable: false),
                    Created = table.Column<int>(type: "int", nullable: false),
                    Updated = table.Column<int>(type: "int", nullable: false),
                    Unchanged = table.Column<int>(type: "int", nullable: false),
                    Skipped = table.Column<int>(type: "int", nullable: false),
                    OtherCountries = table.Column<int>(type: "int", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Key = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    AnnotationId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Body = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Symbol = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    Paragraph = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    PublicationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Type = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UprCycle = table.Column<int>(type: "int", nullable: true),
                    UprSession = table.Column<int>(type: "int", nullable: true),
                    Response = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    UprActionCategory = table.Column<int>(type: "int", nullable: true),
                    SourceOfPosition = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Section = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    CycleId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    LeadInstitution = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    FollowUp = table.Column<bool>(type: "bit", nullable: false),
                    FollowUpDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    ImportRunId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClusterMembers",
                schema: "recommendations",
                columns: table => new
                {
                    ClusterId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClusterMembers", x => new { x.ClusterId, x.RecommendationId });
                    table.ForeignKey(
                        name: "FK_ClusterMembers_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalSchema: "recommendations",
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClusterMembers_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "recommendations",
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressUpdates",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Institution = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Narrative = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    Links = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressUpdates_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "recommendations",
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatusChanges",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    From = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    To = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    Institution = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatusChanges_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "recommendations",
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tags",
                schema: "recommendations",
                columns: table => new
                {
                    RecommendationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Value = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tags", x => new { x.RecommendationId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_Tags_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "recommendations",
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgressUpdateId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Label = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StoredName = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_ProgressUpdates_ProgressUpdateId",
                        column: x => x.ProgressUpdateId,
                        principalSchema: "recommendations",
                        principalTable: "ProgressUpdates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClusterMembers_RecommendationId",
                schema: "recommendations",
                table: "ClusterMembers",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_CountryCode_Code",
                schema: "recommendations",
                table: "Clusters",
                columns: new[] { "CountryCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_ProgressUpdateId",
                schema: "recommendations",
                table: "EvidenceFiles",
                column: "ProgressUpdateId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressUpdates_RecommendationId",
                schema: "recommendations",
                table: "ProgressUpdates",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_Body_Symbol_Paragraph",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "Body", "Symbol", "Paragraph" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_Key",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_LeadInstitution",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "LeadInstitution" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_Status",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_UprCycle_Response",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "UprCycle", "Response" });

            migrationBuilder.CreateIndex(
                name: "IX_StatusChanges_RecommendationId",
                schema: "recommendations",
                table: "StatusChanges",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_Tags_CountryCode_Kind_Value",
                schema: "recommendations",
                table: "Tags",
                columns: new[] { "CountryCode", "Kind", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_Tags_Kind_Value_RecommendationId",
                schema: "recommendations",
                table: "Tags",
                columns: new[] { "Kind", "Value", "RecommendationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClusterMembers",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "EvidenceFiles",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "ImportRuns",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "StatusChanges",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "Tags",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "Clusters",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "ProgressUpdates",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "Recommendations",
                schema: "recommendations");
        }
    }
}
