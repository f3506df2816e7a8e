<#
.SYNOPSIS
  Shinkin.Automation entry point on Windows (the same verbs as ./harness on Linux).
.DESCRIPTION
  .\harness.ps1 run     every feature in a real browser, reports written (Reports\out\<timestamp>)
  .\harness.ps1 test    every test of the solution
  .\harness.ps1 check-env [FILE.reg ...]   this PC's Internet Options (live registry when no file is given)
  Exit codes: 0 ok, 1 test failures, 2 setup or usage error.
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)] [string] $Verb = 'help',
    [Parameter(ValueFromRemainingArguments = $true)] [string[]] $Rest = @()
)
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:REQNROLL_TELEMETRY_ENABLED = '0'
$env:SE_OFFLINE = 'true'
$env:PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1'
$Configuration = if ($env:SHINKIN_CONFIGURATION) { $env:SHINKIN_CONFIGURATION } else { 'Debug' }
$CliDll = Join-Path $PSScriptRoot "src\Shinkin.Cli\bin\$Configuration\net10.0\shinkin.dll"

function Stage([string] $Text) { Write-Host "`n==> $Text" }
function Fail([int] $Code, [string] $Text) { Write-Error "harness: $Text" -ErrorAction Continue; exit $Code }

function Invoke-Setup {
    Stage 'setup: checking the .NET SDK and a browser'
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) { Fail 2 'the .NET 10 SDK is not installed (winget install Microsoft.DotNet.SDK.10)' }
    $chromium = if ($env:SHINKIN_CHROMIUM) { $env:SHINKIN_CHROMIUM } else { "${env:ProgramFiles(x86)}\Microsoft\Edge\Application\msedge.exe" }
    if (-not (Test-Path -LiteralPath $chromium)) { Fail 2 "no browser at $chromium (set SHINKIN_CHROMIUM to chrome.exe or msedge.exe)" }
    $env:SHINKIN_CHROMIUM = $chromium
    Stage "setup: restoring and building Shinkin.Automation.sln ($Configuration)"
    dotnet build Shinkin.Automation.sln -c $Configuration -nologo -v:q -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { Fail 2 'build failed (see the errors above)' }
}

function Invoke-Cli([string[]] $Arguments) { dotnet $CliDll @Arguments; return $LASTEXITCODE }

function Invoke-Run([string[]] $Arguments) {
    $engine = 'playwright'; $workers = 2; $filter = ''; $tags = ''; $out = ''
    for ($i = 0; $i -lt $Arguments.Count; $i++) {
        switch ($Arguments[$i]) {
            '--tags' { $tags = $Arguments[++$i] }
            '--filter' { $filter = $Arguments[++$i] }
            '--target' { $env:SHINKIN_TARGET = $Arguments[++$i] }
            '--target-profile' { $env:SHINKIN_TARGET_PROFILE = (Resolve-Path $Arguments[++$i]).Path }
            '--locators' { $env:SHINKIN_LOCATORS = $Arguments[++$i]; if ($env:SHINKIN_LOCATORS -notin @('labels', 'testids')) { Fail 2 "unknown --locators '$($env:SHINKIN_LOCATORS)' (labels, testids)" } }
            '--engine' { $engine = $Arguments[++$i] }
            '--grid' { $env:SHINKIN_GRID_URL = $Arguments[++$i]; $engine = 'selenium-remote' }
            '--pw-server' { $env:SHINKIN_PW_SERVER = $Arguments[++$i]; $engine = 'playwright-remote' }
            '--workers' { $workers = [int]$Arguments[++$i] }
            '--shard' { $env:SHINKIN_SHARD = $Arguments[++$i] }
            '--headed' { $env:SHINKIN_HEADED = '1' }
            '--dry-run' { $env:SHINKIN_DRY_RUN = '1' }
            '--out' { $out = $Arguments[++$i] }
            default { Fail 2 "unknown run option: $($Arguments[$i])" }
        }
    }
    Invoke-Setup
    if (-not $out) { $out = Join-Path $PSScriptRoot ("Reports\out\" + (Get-Date -Format 'yyyyMMdd-HHmmss')) }
    New-Item -ItemType Directory -Force -Path $out | Out-Null
    $env:SHINKIN_RUN_DIR = (Resolve-Path $out).Path
    $env:SHINKIN_ENGINE = $engine
    if ($tags) { $t = dotnet $CliDll tags-to-filter $tags; if ($LASTEXITCODE -ne 0) { Fail 2 "bad --tags expression: $tags" }; $filter = if ($filter) { "($filter)&($t)" } else { $t } }
    $env:SHINKIN_FILTER = $filter
    $settings = switch ($engine) { 'playwright' { 'playwright-chromium' } 'selenium' { 'selenium-chrome' } default { $engine } }
    $testArgs = @('test', 'Features\Shinkin.Features.csproj', '-c', $Configuration, '--no-build', '--settings', "runsettings\$settings.runsettings",
        '--results-directory', "$out\testresults", '--logger', 'trx;LogFileName=features.trx')
    if ($filter) { $testArgs += @('--filter', $filter) }
    $testArgs += @('--', "NUnit.NumberOfTestWorkers=$workers")
    Stage "run: features (engine $engine, workers $workers)"
    dotnet @testArgs
    $rc = $LASTEXITCODE
    Stage 'run: reports'
    if ((Invoke-Cli @('report', $out)) -ne 0) { $rc = 2 }
    $sum = Invoke-Cli @('summarize', "$out\testresults", '--require-tests')
    if ($rc -eq 0 -and $sum -ne 0) { $rc = 1 }
    Write-Host "Run folder: $out"
    exit $rc
}

switch ($Verb) {
    'setup' { Invoke-Setup }
    'run' { Invoke-Run $Rest }
    'test' {
        Invoke-Setup
        $results = Join-Path $PSScriptRoot ("TestResults\" + (Get-Date -Format 'yyyyMMdd-HHmmss'))
        dotnet test Shinkin.Automation.sln -c $Configuration --no-build -m:1 --results-directory $results --logger trx
        $rc = $LASTEXITCODE
        $sum = Invoke-Cli @('summarize', $results, '--require-tests')
        if ($rc -eq 0) { $rc = $sum }
        exit $rc
    }
    { $_ -in 'serve', 'check-env', 'spec', 'report' } { Invoke-Setup | Out-Null; exit (Invoke-Cli (@($Verb) + $Rest)) }
    default { Get-Help $PSCommandPath -Detailed; if ($Verb -notin 'help', '-h', '--help') { exit 2 } }
}
