// Generated from io/wkforge/lang/parser/Recipe.g4 by ANTLR 4.13.2
package io.wkforge.lang.parser;

// Generated from grammar/io/wkforge/lang/parser/Recipe.g4 - do not edit.

import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.*;
import org.antlr.v4.runtime.atn.*;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.misc.*;

@SuppressWarnings({"all", "warnings", "unchecked", "unused", "cast", "CheckReturnValue", "this-escape"})
public class RecipeLexer extends Lexer {
	static { RuntimeMetaData.checkVersion("4.13.2", RuntimeMetaData.VERSION); }

	protected static final DFA[] _decisionToDFA;
	protected static final PredictionContextCache _sharedContextCache =
		new PredictionContextCache();
	public static final int
		USE=1, PARAM=2, LBRACE=3, RBRACE=4, SEMI=5, EQUALS=6, SIZE=7, PERCENT=8, 
		DECIMAL=9, INT=10, MALFORMED_NUMBER=11, STRING=12, UNTERMINATED_STRING=13, 
		PARAM_REF=14, IDENT=15, COMMENT=16, NEWLINE=17, WS=18, UNKNOWN_CHAR=19;
	public static String[] channelNames = {
		"DEFAULT_TOKEN_CHANNEL", "HIDDEN"
	};

	public static String[] modeNames = {
		"DEFAULT_MODE"
	};

	private static String[] makeRuleNames() {
		return new String[] {
			"USE", "PARAM", "LBRACE", "RBRACE", "SEMI", "EQUALS", "SIZE", "PERCENT", 
			"DECIMAL", "INT", "MALFORMED_NUMBER", "STRING", "UNTERMINATED_STRING", 
			"PARAM_REF", "IDENT", "COMMENT", "NEWLINE", "WS", "UNKNOWN_CHAR", "DIGITS", 
			"EXPONENT", "IDENT_CHARS"
		};
	}
	public static final String[] ruleNames = makeRuleNames();

	private static String[] makeLiteralNames() {
		return new String[] {
			null, "'use'", "'param'", "'{'", "'}'", "';'", "'='"
		};
	}
	private static final String[] _LITERAL_NAMES = makeLiteralNames();
	private static String[] makeSymbolicNames() {
		return new String[] {
			null, "USE", "PARAM", "LBRACE", "RBRACE", "SEMI", "EQUALS", "SIZE", "PERCENT", 
			"DECIMAL", "INT", "MALFORMED_NUMBER", "STRING", "UNTERMINATED_STRING", 
			"PARAM_REF", "IDENT", "COMMENT", "NEWLINE", "WS", "UNKNOWN_CHAR"
		};
	}
	private static final String[] _SYMBOLIC_NAMES = makeSymbolicNames();
	public static final Vocabulary VOCABULARY = new VocabularyImpl(_LITERAL_NAMES, _SYMBOLIC_NAMES);

	/**
	 * @deprecated Use {@link #VOCABULARY} instead.
	 */
	@Deprecated
	public static final String[] tokenNames;
	static {
		tokenNames = new String[_SYMBOLIC_NAMES.length];
		for (int i = 0; i < tokenNames.length; i++) {
			tokenNames[i] = VOCABULARY.getLiteralName(i);
			if (tokenNames[i] == null) {
				tokenNames[i] = VOCABULARY.getSymbolicName(i);
			}

			if (tokenNames[i] == null) {
				tokenNames[i] = "<INVALID>";
			}
		}
	}

	@Override
	@Deprecated
	public String[] getTokenNames() {
		return tokenNames;
	}

	@Override

	public Vocabulary getVocabulary() {
		return VOCABULARY;
	}


	public RecipeLexer(CharStream input) {
		super(input);
		_interp = new LexerATNSimulator(this,_ATN,_decisionToDFA,_sharedContextCache);
	}

	@Override
	public String getGrammarFileName() { return "Recipe.g4"; }

	@Override
	public String[] getRuleNames() { return ruleNames; }

	@Override
	public String getSerializedATN() { return _serializedATN; }

	@Override
	public String[] getChannelNames() { return channelNames; }

	@Override
	public String[] getModeNames() { return modeNames; }

	@Override
	public ATN getATN() { return _ATN; }

	public static final String _serializedATN =
		"\u0004\u0000\u0013\u00b3\u0006\uffff\uffff\u0002\u0000\u0007\u0000\u0002"+
		"\u0001\u0007\u0001\u0002\u0002\u0007\u0002\u0002\u0003\u0007\u0003\u0002"+
		"\u0004\u0007\u0004\u0002\u0005\u0007\u0005\u0002\u0006\u0007\u0006\u0002"+
		"\u0007\u0007\u0007\u0002\b\u0007\b\u0002\t\u0007\t\u0002\n\u0007\n\u0002"+
		"\u000b\u0007\u000b\u0002\f\u0007\f\u0002\r\u0007\r\u0002\u000e\u0007\u000e"+
		"\u0002\u000f\u0007\u000f\u0002\u0010\u0007\u0010\u0002\u0011\u0007\u0011"+
		"\u0002\u0012\u0007\u0012\u0002\u0013\u0007\u0013\u0002\u0014\u0007\u0014"+
		"\u0002\u0015\u0007\u0015\u0001\u0000\u0001\u0000\u0001\u0000\u0001\u0000"+
		"\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001"+
		"\u0001\u0002\u0001\u0002\u0001\u0003\u0001\u0003\u0001\u0004\u0001\u0004"+
		"\u0001\u0005\u0001\u0005\u0001\u0006\u0001\u0006\u0001\u0006\u0001\u0006"+
		"\u0001\u0007\u0003\u0007E\b\u0007\u0001\u0007\u0001\u0007\u0001\u0007"+
		"\u0003\u0007J\b\u0007\u0001\u0007\u0001\u0007\u0001\b\u0003\bO\b\b\u0001"+
		"\b\u0001\b\u0001\b\u0001\b\u0003\bU\b\b\u0001\b\u0003\bX\b\b\u0001\b\u0001"+
		"\b\u0001\b\u0003\b]\b\b\u0001\t\u0003\t`\b\t\u0001\t\u0001\t\u0001\n\u0003"+
		"\ne\b\n\u0001\n\u0001\n\u0001\n\u0003\nj\b\n\u0001\n\u0005\nm\b\n\n\n"+
		"\f\np\t\n\u0001\u000b\u0001\u000b\u0001\u000b\u0001\u000b\u0005\u000b"+
		"v\b\u000b\n\u000b\f\u000by\t\u000b\u0001\u000b\u0001\u000b\u0001\f\u0001"+
		"\f\u0001\f\u0001\f\u0005\f\u0081\b\f\n\f\f\f\u0084\t\f\u0001\r\u0001\r"+
		"\u0001\r\u0001\u000e\u0001\u000e\u0001\u000f\u0001\u000f\u0005\u000f\u008d"+
		"\b\u000f\n\u000f\f\u000f\u0090\t\u000f\u0001\u000f\u0001\u000f\u0001\u0010"+
		"\u0003\u0010\u0095\b\u0010\u0001\u0010\u0001\u0010\u0001\u0011\u0004\u0011"+
		"\u009a\b\u0011\u000b\u0011\f\u0011\u009b\u0001\u0011\u0001\u0011\u0001"+
		"\u0012\u0001\u0012\u0001\u0013\u0004\u0013\u00a3\b\u0013\u000b\u0013\f"+
		"\u0013\u00a4\u0001\u0014\u0001\u0014\u0003\u0014\u00a9\b\u0014\u0001\u0014"+
		"\u0001\u0014\u0001\u0015\u0001\u0015\u0005\u0015\u00af\b\u0015\n\u0015"+
		"\f\u0015\u00b2\t\u0015\u0000\u0000\u0016\u0001\u0001\u0003\u0002\u0005"+
		"\u0003\u0007\u0004\t\u0005\u000b\u0006\r\u0007\u000f\b\u0011\t\u0013\n"+
		"\u0015\u000b\u0017\f\u0019\r\u001b\u000e\u001d\u000f\u001f\u0010!\u0011"+
		"#\u0012%\u0013\'\u0000)\u0000+\u0000\u0001\u0000\t\u0005\u0000..09AZ_"+
		"_az\u0004\u0000\n\n\r\r\"\"\\\\\u0002\u0000\n\n\r\r\u0002\u0000\t\t  "+
		"\u0001\u000009\u0002\u0000EEee\u0002\u0000++--\u0003\u0000AZ__az\u0004"+
		"\u000009AZ__az\u00c3\u0000\u0001\u0001\u0000\u0000\u0000\u0000\u0003\u0001"+
		"\u0000\u0000\u0000\u0000\u0005\u0001\u0000\u0000\u0000\u0000\u0007\u0001"+
		"\u0000\u0000\u0000\u0000\t\u0001\u0000\u0000\u0000\u0000\u000b\u0001\u0000"+
		"\u0000\u0000\u0000\r\u0001\u0000\u0000\u0000\u0000\u000f\u0001\u0000\u0000"+
		"\u0000\u0000\u0011\u0001\u0000\u0000\u0000\u0000\u0013\u0001\u0000\u0000"+
		"\u0000\u0000\u0015\u0001\u0000\u0000\u0000\u0000\u0017\u0001\u0000\u0000"+
		"\u0000\u0000\u0019\u0001\u0000\u0000\u0000\u0000\u001b\u0001\u0000\u0000"+
		"\u0000\u0000\u001d\u0001\u0000\u0000\u0000\u0000\u001f\u0001\u0000\u0000"+
		"\u0000\u0000!\u0001\u0000\u0000\u0000\u0000#\u0001\u0000\u0000\u0000\u0000"+
		"%\u0001\u0000\u0000\u0000\u0001-\u0001\u0000\u0000\u0000\u00031\u0001"+
		"\u0000\u0000\u0000\u00057\u0001\u0000\u0000\u0000\u00079\u0001\u0000\u0000"+
		"\u0000\t;\u0001\u0000\u0000\u0000\u000b=\u0001\u0000\u0000\u0000\r?\u0001"+
		"\u0000\u0000\u0000\u000fD\u0001\u0000\u0000\u0000\u0011\\\u0001\u0000"+
		"\u0000\u0000\u0013_\u0001\u0000\u0000\u0000\u0015d\u0001\u0000\u0000\u0000"+
		"\u0017q\u0001\u0000\u0000\u0000\u0019|\u0001\u0000\u0000\u0000\u001b\u0085"+
		"\u0001\u0000\u0000\u0000\u001d\u0088\u0001\u0000\u0000\u0000\u001f\u008a"+
		"\u0001\u0000\u0000\u0000!\u0094\u0001\u0000\u0000\u0000#\u0099\u0001\u0000"+
		"\u0000\u0000%\u009f\u0001\u0000\u0000\u0000\'\u00a2\u0001\u0000\u0000"+
		"\u0000)\u00a6\u0001\u0000\u0000\u0000+\u00ac\u0001\u0000\u0000\u0000-"+
		".\u0005u\u0000\u0000./\u0005s\u0000\u0000/0\u0005e\u0000\u00000\u0002"+
		"\u0001\u0000\u0000\u000012\u0005p\u0000\u000023\u0005a\u0000\u000034\u0005"+
		"r\u0000\u000045\u0005a\u0000\u000056\u0005m\u0000\u00006\u0004\u0001\u0000"+
		"\u0000\u000078\u0005{\u0000\u00008\u0006\u0001\u0000\u0000\u00009:\u0005"+
		"}\u0000\u0000:\b\u0001\u0000\u0000\u0000;<\u0005;\u0000\u0000<\n\u0001"+
		"\u0000\u0000\u0000=>\u0005=\u0000\u0000>\f\u0001\u0000\u0000\u0000?@\u0003"+
		"\'\u0013\u0000@A\u0005x\u0000\u0000AB\u0003\'\u0013\u0000B\u000e\u0001"+
		"\u0000\u0000\u0000CE\u0005-\u0000\u0000DC\u0001\u0000\u0000\u0000DE\u0001"+
		"\u0000\u0000\u0000EF\u0001\u0000\u0000\u0000FI\u0003\'\u0013\u0000GH\u0005"+
		".\u0000\u0000HJ\u0003\'\u0013\u0000IG\u0001\u0000\u0000\u0000IJ\u0001"+
		"\u0000\u0000\u0000JK\u0001\u0000\u0000\u0000KL\u0005%\u0000\u0000L\u0010"+
		"\u0001\u0000\u0000\u0000MO\u0005-\u0000\u0000NM\u0001\u0000\u0000\u0000"+
		"NO\u0001\u0000\u0000\u0000OP\u0001\u0000\u0000\u0000PQ\u0003\'\u0013\u0000"+
		"QR\u0005.\u0000\u0000RT\u0003\'\u0013\u0000SU\u0003)\u0014\u0000TS\u0001"+
		"\u0000\u0000\u0000TU\u0001\u0000\u0000\u0000U]\u0001\u0000\u0000\u0000"+
		"VX\u0005-\u0000\u0000WV\u0001\u0000\u0000\u0000WX\u0001\u0000\u0000\u0000"+
		"XY\u0001\u0000\u0000\u0000YZ\u0003\'\u0013\u0000Z[\u0003)\u0014\u0000"+
		"[]\u0001\u0000\u0000\u0000\\N\u0001\u0000\u0000\u0000\\W\u0001\u0000\u0000"+
		"\u0000]\u0012\u0001\u0000\u0000\u0000^`\u0005-\u0000\u0000_^\u0001\u0000"+
		"\u0000\u0000_`\u0001\u0000\u0000\u0000`a\u0001\u0000\u0000\u0000ab\u0003"+
		"\'\u0013\u0000b\u0014\u0001\u0000\u0000\u0000ce\u0005-\u0000\u0000dc\u0001"+
		"\u0000\u0000\u0000de\u0001\u0000\u0000\u0000ei\u0001\u0000\u0000\u0000"+
		"fj\u0003\'\u0013\u0000gh\u0005.\u0000\u0000hj\u0003\'\u0013\u0000if\u0001"+
		"\u0000\u0000\u0000ig\u0001\u0000\u0000\u0000jn\u0001\u0000\u0000\u0000"+
		"km\u0007\u0000\u0000\u0000lk\u0001\u0000\u0000\u0000mp\u0001\u0000\u0000"+
		"\u0000nl\u0001\u0000\u0000\u0000no\u0001\u0000\u0000\u0000o\u0016\u0001"+
		"\u0000\u0000\u0000pn\u0001\u0000\u0000\u0000qw\u0005\"\u0000\u0000rv\b"+
		"\u0001\u0000\u0000st\u0005\\\u0000\u0000tv\t\u0000\u0000\u0000ur\u0001"+
		"\u0000\u0000\u0000us\u0001\u0000\u0000\u0000vy\u0001\u0000\u0000\u0000"+
		"wu\u0001\u0000\u0000\u0000wx\u0001\u0000\u0000\u0000xz\u0001\u0000\u0000"+
		"\u0000yw\u0001\u0000\u0000\u0000z{\u0005\"\u0000\u0000{\u0018\u0001\u0000"+
		"\u0000\u0000|\u0082\u0005\"\u0000\u0000}\u0081\b\u0001\u0000\u0000~\u007f"+
		"\u0005\\\u0000\u0000\u007f\u0081\t\u0000\u0000\u0000\u0080}\u0001\u0000"+
		"\u0000\u0000\u0080~\u0001\u0000\u0000\u0000\u0081\u0084\u0001\u0000\u0000"+
		"\u0000\u0082\u0080\u0001\u0000\u0000\u0000\u0082\u0083\u0001\u0000\u0000"+
		"\u0000\u0083\u001a\u0001\u0000\u0000\u0000\u0084\u0082\u0001\u0000\u0000"+
		"\u0000\u0085\u0086\u0005$\u0000\u0000\u0086\u0087\u0003+\u0015\u0000\u0087"+
		"\u001c\u0001\u0000\u0000\u0000\u0088\u0089\u0003+\u0015\u0000\u0089\u001e"+
		"\u0001\u0000\u0000\u0000\u008a\u008e\u0005#\u0000\u0000\u008b\u008d\b"+
		"\u0002\u0000\u0000\u008c\u008b\u0001\u0000\u0000\u0000\u008d\u0090\u0001"+
		"\u0000\u0000\u0000\u008e\u008c\u0001\u0000\u0000\u0000\u008e\u008f\u0001"+
		"\u0000\u0000\u0000\u008f\u0091\u0001\u0000\u0000\u0000\u0090\u008e\u0001"+
		"\u0000\u0000\u0000\u0091\u0092\u0006\u000f\u0000\u0000\u0092 \u0001\u0000"+
		"\u0000\u0000\u0093\u0095\u0005\r\u0000\u0000\u0094\u0093\u0001\u0000\u0000"+
		"\u0000\u0094\u0095\u0001\u0000\u0000\u0000\u0095\u0096\u0001\u0000\u0000"+
		"\u0000\u0096\u0097\u0005\n\u0000\u0000\u0097\"\u0001\u0000\u0000\u0000"+
		"\u0098\u009a\u0007\u0003\u0000\u0000\u0099\u0098\u0001\u0000\u0000\u0000"+
		"\u009a\u009b\u0001\u0000\u0000\u0000\u009b\u0099\u0001\u0000\u0000\u0000"+
		"\u009b\u009c\u0001\u0000\u0000\u0000\u009c\u009d\u0001\u0000\u0000\u0000"+
		"\u009d\u009e\u0006\u0011\u0001\u0000\u009e$\u0001\u0000\u0000\u0000\u009f"+
		"\u00a0\t\u0000\u0000\u0000\u00a0&\u0001\u0000\u0000\u0000\u00a1\u00a3"+
		"\u0007\u0004\u0000\u0000\u00a2\u00a1\u0001\u0000\u0000\u0000\u00a3\u00a4"+
		"\u0001\u0000\u0000\u0000\u00a4\u00a2\u0001\u0000\u0000\u0000\u00a4\u00a5"+
		"\u0001\u0000\u0000\u0000\u00a5(\u0001\u0000\u0000\u0000\u00a6\u00a8\u0007"+
		"\u0005\u0000\u0000\u00a7\u00a9\u0007\u0006\u0000\u0000\u00a8\u00a7\u0001"+
		"\u0000\u0000\u0000\u00a8\u00a9\u0001\u0000\u0000\u0000\u00a9\u00aa\u0001"+
		"\u0000\u0000\u0000\u00aa\u00ab\u0003\'\u0013\u0000\u00ab*\u0001\u0000"+
		"\u0000\u0000\u00ac\u00b0\u0007\u0007\u0000\u0000\u00ad\u00af\u0007\b\u0000"+
		"\u0000\u00ae\u00ad\u0001\u0000\u0000\u0000\u00af\u00b2\u0001\u0000\u0000"+
		"\u0000\u00b0\u00ae\u0001\u0000\u0000\u0000\u00b0\u00b1\u0001\u0000\u0000"+
		"\u0000\u00b1,\u0001\u0000\u0000\u0000\u00b2\u00b0\u0001\u0000\u0000\u0000"+
		"\u0015\u0000DINTW\\_dinuw\u0080\u0082\u008e\u0094\u009b\u00a4\u00a8\u00b0"+
		"\u0002\u0000\u0001\u0000\u0006\u0000\u0000";
	public static final ATN _ATN =
		new ATNDeserializer().deserialize(_serializedATN.toCharArray());
	static {
		_decisionToDFA = new DFA[_ATN.getNumberOfDecisions()];
		for (int i = 0; i < _ATN.getNumberOfDecisions(); i++) {
			_decisionToDFA[i] = new DFA(_ATN.getDecisionState(i), i);
		}
	}
}