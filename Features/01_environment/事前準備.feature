# language: ja
@chapter1 @check-env
機能: 事前準備（Internet Explorerの設定）
  しんきん電子記録債権システムをご利用いただく前に、「インターネットオプション」で
  Cookie（クッキー）の設定、信頼済みサイトの登録、詳細の設定を行います。
  環境チェックは PC のレジストリ (reg export で書き出したファイル) を読み、
  マニュアルどおりか (マニュアル) と、今日の基準で安全か (安全) を判定します。

  @manual:1-1
  シナリオアウトライン: 「インターネットオプション」画面を表示する
    前提 PC のレジストリ "<スナップショット>" がある
    もし 環境チェックを実行する
    ならば インターネットオプションの設定が読み取れる
    かつ OS は "<OS>" と判定される

    例:
      | スナップショット                                       | OS                     |
      | manual-conformant-hkcu.reg, manual-conformant-hklm.reg | Windows 7 Professional |
      | win10-default.reg                                      | Windows 10 Pro         |
      | xp-era.reg                                             | Microsoft Windows XP   |
      | hardened.reg                                           | Windows 11 Enterprise  |

  @manual:1-1 @windows-only
  シナリオ: この PC の「インターネットオプション」を直接読み取る
    前提 この PC のレジストリを読み取る
    もし 環境チェックを実行する
    ならば インターネットオプションの設定が読み取れる

  @manual:1-2
  シナリオアウトライン: Cookie（クッキー）を設定する
    前提 PC のレジストリ "<スナップショット>" がある
    もし 環境チェックを実行する
    ならば 管理ID "IE-COOKIE-SHINKIN-IB" の判定はマニュアルが "<判定>"、安全が "<判定>" である
    かつ 管理ID "IE-COOKIE-SHINKIN" の判定はマニュアルが "<判定>"、安全が "<判定>" である

    例:
      | スナップショット                                       | 判定 |
      | manual-conformant-hkcu.reg, manual-conformant-hklm.reg | OK   |
      | win10-default.reg                                      | NG   |
      | gpo-managed.reg                                        | OK   |

  @manual:1-3
  シナリオアウトライン: 信頼済みサイトを登録する (Windows XP では不要)
    前提 PC のレジストリ "<スナップショット>" がある
    もし 環境チェックを実行する
    ならば 管理ID "IE-TRUST-SHINKIN-IB" の判定はマニュアルが "<shinkin-ib.jp>"、安全が "<shinkin-ib.jp>" である
    かつ 管理ID "IE-TRUST-SHINKIN" の判定はマニュアルが "<shinkin.jp>"、安全が "<shinkin.jp>" である
    かつ 管理ID "IE-TRUST-PROTECTED-MODE" の判定はマニュアルが "<保護モード マニュアル>"、安全が "<保護モード 安全>" である

    例:
      | スナップショット                                       | shinkin-ib.jp | shinkin.jp | 保護モード マニュアル | 保護モード 安全 |
      | manual-conformant-hkcu.reg, manual-conformant-hklm.reg | OK            | OK         | OK                    | OK              |
      | win10-default.reg                                      | NG            | NG         | OK                    | OK              |
      | xp-era.reg                                             | 対象外        | 対象外     | 対象外                | 対象外          |
      | gpo-managed.reg                                        | OK            | NG         | NG                    | NG              |
      | security-hklm-only.reg                                 | OK            | NG         | NG                    | NG              |
      | extra-trusted-sites.reg                                | OK            | OK         | OK                    | NG              |

  @manual:1-4
  シナリオアウトライン: インターネットオプションの詳細を設定する
    前提 PC のレジストリ "<スナップショット>" がある
    もし 環境チェックを実行する
    ならば 管理ID "IE-ADV-HTTP11" の判定はマニュアルが "OK"、安全が "OK" である
    かつ 管理ID "IE-ADV-PROXY-HTTP11" の判定はマニュアルが "OK"、安全が "OK" である
    かつ 管理ID "IE-ADV-SSL2" の判定はマニュアルが "OK"、安全が "OK" である
    かつ 管理ID "IE-ADV-SSL3" の判定はマニュアルが "<SSL3 マニュアル>"、安全が "<SSL3 安全>" である
    かつ 管理ID "IE-ADV-TLS10" の判定はマニュアルが "<TLS10 マニュアル>"、安全が "<TLS10 安全>" である
    かつ 管理ID "IE-ADV-SSL3" の説明に "RFC 7568" が含まれる
    かつ 管理ID "IE-ADV-TLS10" の説明に "RFC 8996" が含まれる
    かつ 総合判定はマニュアルが "<総合 マニュアル>"、安全が "<総合 安全>" である

    例:
      | スナップショット                                       | SSL3 マニュアル | SSL3 安全 | TLS10 マニュアル | TLS10 安全 | 総合 マニュアル | 総合 安全 |
      | manual-conformant-hkcu.reg, manual-conformant-hklm.reg | OK              | NG        | OK               | NG         | OK              | NG        |
      | xp-era.reg                                             | OK              | NG        | OK               | NG         | OK              | NG        |
      | hardened.reg                                           | NG              | OK        | NG               | OK         | NG              | OK        |

  @manual:1-5
  シナリオ: 設定を反映するために Internet Explorer を開き直す
    前提 PC のレジストリ "win10-default.reg" がある
    もし プロファイル "manual" の修正用 .reg を書き出す
    ならば 修正用 .reg は UTF-16LE で "Windows Registry Editor Version 5.00" から始まる
    かつ 案内に "すべての Internet Explorer を閉じて、Internet Explorer を開き直してください" が含まれる
    もし 修正用 .reg を取り込んだ状態で環境チェックを実行する
    ならば 総合判定はマニュアルが "OK"、安全が "NG" である
