global using System.Xml.Linq;
global using ClosedXML.Excel;
global using NUnit.Framework;
global using Shinkin.Reports.Excel;
global using Shinkin.Reports.RunRecords;
