using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recommendations_Clusters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations_Clusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recommendations_ImportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Read = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherCountries = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recommendations_Recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AnnotationId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Paragraph = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    PublicationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UprCycle = table.Column<int>(type: "INTEGER", nullable: true),
                    UprSession = table.Column<int>(type: "INTEGER", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    UprActionCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceOfPosition = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Section = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    LeadInstitution = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FollowUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    FollowUpDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImportRunId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations_Recommendations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recommendations_ClusterMembers",
                columns: table => new
                {
                    ClusterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations_ClusterMembers", x => new { x.ClusterId, x.RecommendationId });
                    table.ForeignKey(
                        name: "FK_recommendations_ClusterMembers_recommendations_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalTable: "recommendations_Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_recommendations_ClusterMembers_recommendations_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "recommendations_Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendations_ProgressUpdates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Links = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations_ProgressUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recommendations_ProgressUpdates_recommendations_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "recommendations_Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendations_StatusChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations_StatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recommendations_StatusChanges_recommendations_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "recommendations_Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendations_Tags",
                columns: table => new
                {
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations_Tags", x => new { x.RecommendationId, x.Kind, x.Value });
                    table.ForeignKey(
                        name: "FK_recommendations_Tags_recommendations_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "recommendations_Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendations_EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgressUpdateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recommendations_EvidenceFiles_recommendations_ProgressUpdates_ProgressUpdateId",
                        column: x => x.ProgressUpdateId,
                        principalTable: "recommendations_ProgressUpdates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_ClusterMembers_RecommendationId",
                table: "recommendations_ClusterMembers",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Clusters_CountryCode_Code",
                table: "recommendations_Clusters",
                columns: new[] { "CountryCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_EvidenceFiles_ProgressUpdateId",
                table: "recommendations_EvidenceFiles",
                column: "ProgressUpdateId");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_ProgressUpdates_RecommendationId",
                table: "recommendations_ProgressUpdates",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_Body_Symbol_Paragraph",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "Body", "Symbol", "Paragraph" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_Key",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_LeadInstitution",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "LeadInstitution" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_Status",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Recommendations_CountryCode_UprCycle_Response",
                table: "recommendations_Recommendations",
                columns: new[] { "CountryCode", "UprCycle", "Response" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_StatusChanges_RecommendationId",
                table: "recommendations_StatusChanges",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Tags_CountryCode_Kind_Value",
                table: "recommendations_Tags",
                columns: new[] { "CountryCode", "Kind", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Tags_Kind_Value_RecommendationId",
                table: "recommendations_Tags",
                columns: new[] { "Kind", "Value", "RecommendationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recommendations_ClusterMembers");

            migrationBuilder.DropTable(
                name: "recommendations_EvidenceFiles");

            migrationBuilder.DropTable(
                name: "recommendations_ImportRuns");

            migrationBuilder.DropTable(
                name: "recommendations_StatusChanges");

            migrationBuilder.DropTable(
                name: "recommendations_Tags");

            migrationBuilder.DropTable(
                name: "recommendations_Clusters");

            migrationBuilder.DropTable(
                name: "recommendations_ProgressUpdates");

            migrationBuilder.DropTable(
                name: "recommendations_Recommendations");
        }
    }
}
