/**
 * Traditional → simplified Chinese characters, for matching only (topic keywords): keywords are
 * written once, in simplified characters, and both the keyword and the text are folded before a
 * substring match, so 價格太貴 / 物流很慢 / 客服態度 match 价格 / 物流 / 客服态度. The text shown to
 * users is never changed.
 *
 * One character each way; the table covers the characters that differ in everyday feedback
 * (shopping, delivery, food, travel, banking, apps, service). Characters that are the same in
 * both scripts need no entry. Where one simplified character stands for several traditional ones
 * (發/髮 → 发, 後/后 → 后, 麵/面 → 面), each traditional one is listed.
 */

// Pairs "traditional simplified", written out by hand, grouped loosely by theme.
const PAIRS = [
  // money, price, payment
  '價价 貴贵 錢钱 賣卖 買买 購购 費费 帳账 賬账 單单 條条 額额 幣币 銀银 卡卡 號号 碼码 託托 稅税 優优 惠惠 劃划 値值 貨货 實实 現现 淨净 虧亏 賺赚 損损 還还 償偿 賠赔 付付 轉转 錯错 扣扣 餘余 賬账 寶宝 紅红 銷销 折折',
  // delivery, logistics, time
  '遞递 運运 輸输 輛辆 車车 騎骑 達达 發发 貨货 倉仓 郵邮 遲迟 慢慢 絡络 線线 間间 鐘钟 時时 點点 送送 這这 邊边 遠远 過过 進进 選选 後后 來来 說说 話话 門门 區区 場场 機机 飛飞 員员 乘乘 證证 護护 艙舱 廳厅 樓楼 層层 電电 梯梯 鄰邻 舊旧 歲岁 動动',
  // service, people, attitude
  '態态 務务 認认 識识 請请 謝谢 問问 題题 應应 復复 覆复 聯联 繫系 處处 理理 決决 辦办 讓让 給给 們们 總总 經经 師师 醫医 療疗 院院 員员 導导 職职 專专 業业 禮礼 貌貌 親亲 熱热 氣气 聲声 聽听 見见 視视 覺觉 屬属 責责 罰罚 訴诉 評评 論论 議议 調调 節节 約约 預预 訂订 預预 籤签 簽签',
  // quality, food, goods
  '質质 東东 產产 壞坏 舊旧 鮮鲜 爛烂 難难 喫吃 飯饭 餐餐 麵面 麪面 湯汤 魚鱼 雞鸡 鴨鸭 豬猪 牛牛 蝦虾 醬酱 鹹咸 飲饮 滷卤 燒烧 烤烤 蘋苹 蔔卜 菜菜 蔥葱 薑姜 藥药 衛卫 髒脏 潔洁 乾干 濕湿 亂乱 異异 樣样 顏颜 紅红 綠绿 藍蓝 黃黄 灣湾 臺台 檯台 牆墙 燈灯 鎖锁 鑰钥 匙匙 窗窗 簾帘',
  // packaging
  '裝装 盒盒 箱箱 紙纸 袋袋 膠胶 壓压 爆爆 漏漏 灑洒 撒撒 封封 損损 凹凹 變变 形形',
  // apps, web, account
  '軟软 體体 網网 頁页 載载 幾几 閃闪 當当 卡卡 頓顿 開开 關关 啟启 啓启 檔档 設设 計计 介介 面面 擊击 鍵键 屏屏 螢萤 幕幕 帳帐 戶户 號号 碼码 驗验 證证 註注 冊册 錄录 登登 陸陆 綁绑 傳传 訊讯 息息 資资 料料 權权 刪删 除除 新新 版版 統统 鏈链 結结 圖图 標标 顯显 示示 隱隐 私私 錄录 佈布 報报 誤误 繁繁 體体 簡简 單单 頭头 像像 戲戏 遊游 測测 試试 狀状 態态 雲云 儲储 存存 備备 份份 隊队 輸输 贏赢 級级 禮礼 點点',
  // common grammar and adverbs that sit inside keywords
  '沒没 這这 個个 們们 會会 對对 為为 與与 從从 麼么 嗎吗 呢呢 還还 讓让 幫帮 該该 應应 將将 專专 參参 與与 極极 盡尽 夠够 實实 際际 點点 條条 種种 樣样 樣样 樂乐 歡欢 愛爱 滿满 號号 總总 經经 長长 開开 關关 門门 問问 間间 聞闻 氣气 產产 業业 與与 擇择 準准 確确 錯错 舉举 為为 強强 劣劣 遜逊 隨随 辦办 處处 後后 裡里 裏里 鬆松 緊紧 靜静 噪噪 隔隔 響响 吵吵 暖暖 涼凉 熱热 髮发 乾干 衝冲 煩烦 惱恼 氣气 憤愤 糟糟 壞坏 棒棒 讚赞 贊赞 誇夸',
].join(' ');

const MAP = new Map<string, string>();
for (const pair of PAIRS.split(/\s+/)) {
  const [t, s] = [...pair];
  if (t && s && t !== s && /\p{Script=Han}/u.test(t)) MAP.set(t, s);
}

const HAN_RE = /\p{Script=Han}/gu;

/** The text with traditional characters replaced by their simplified forms (same length). */
export function foldHanVariants(text: string): string {
  return text.replace(HAN_RE, (ch) => MAP.get(ch) ?? ch);
}
