using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.Sqlite.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class Clusters : Migration
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

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_ClusterMembers_RecommendationId",
                table: "recommendations_ClusterMembers",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_Clusters_CountryCode_Code",
                table: "recommendations_Clusters",
                columns: new[] { "CountryCode", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recommendations_ClusterMembers");

            migrationBuilder.DropTable(
                name: "recommendations_Clusters");
        }
    }
}
