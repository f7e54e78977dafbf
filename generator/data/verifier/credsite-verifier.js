var qf=Object.create;var jo=Object.defineProperty;var Vf=Object.getOwnPropertyDescriptor;var Ff=Object.getOwnPropertyNames;var Hf=Object.getPrototypeOf,Kf=Object.prototype.hasOwnProperty;var I=(e,n)=>()=>{try{return n||e((n={exports:{}}).exports,n),n.exports}catch(t){throw n=0,t}};var Jf=(e,n,t,r)=>{if(n&&typeof n=="object"||typeof n=="function")for(let i of Ff(n))!Kf.call(e,i)&&i!==t&&jo(e,i,{get:()=>n[i],enumerable:!(r=Vf(n,i))||r.enumerable});return e};var $e=(e,n,t)=>(t=e!=null?qf(Hf(e)):{},Jf(n||!e||!e.__esModule?jo(t,"default",{value:e,enumerable:!0}):t,e));var qo=I((z0,zo)=>{"use strict";zo.exports={"@context":{id:"@id",type:"@type",dc:"http://purl.org/dc/terms/",sec:"https://w3id.org/security#",xsd:"http://www.w3.org/2001/XMLSchema#",EcdsaKoblitzSignature2016:"sec:EcdsaKoblitzSignature2016",Ed25519Signature2018:"sec:Ed25519Signature2018",EncryptedMessage:"sec:EncryptedMessage",GraphSignature2012:"sec:GraphSignature2012",LinkedDataSignature2015:"sec:LinkedDataSignature2015",LinkedDataSignature2016:"sec:LinkedDataSignature2016",CryptographicKey:"sec:Key",authenticationTag:"sec:authenticationTag",canonicalizationAlgorithm:"sec:canonicalizationAlgorithm",cipherAlgorithm:"sec:cipherAlgorithm",cipherData:"sec:cipherData",cipherKey:"sec:cipherKey",created:{"@id":"dc:created","@type":"xsd:dateTime"},creator:{"@id":"dc:creator","@type":"@id"},digestAlgorithm:"sec:digestAlgorithm",digestValue:"sec:digestValue",domain:"sec:domain",encryptionKey:"sec:encryptionKey",expiration:{"@id":"sec:expiration","@type":"xsd:dateTime"},expires:{"@id":"sec:expiration","@type":"xsd:dateTime"},initializationVector:"sec:initializationVector",iterationCount:"sec:iterationCount",nonce:"sec:nonce",normalizationAlgorithm:"sec:normalizationAlgorithm",owner:{"@id":"sec:owner","@type":"@id"},password:"sec:password",privateKey:{"@id":"sec:privateKey","@type":"@id"},privateKeyPem:"sec:privateKeyPem",publicKey:{"@id":"sec:publicKey","@type":"@id"},publicKeyBase58:"sec:publicKeyBase58",publicKeyPem:"sec:publicKeyPem",publicKeyWif:"sec:publicKeyWif",publicKeyService:{"@id":"sec:publicKeyService","@type":"@id"},revoked:{"@id":"sec:revoked","@type":"xsd:dateTime"},salt:"sec:salt",signature:"sec:signature",signatureAlgorithm:"sec:signingAlgorithm",signatureValue:"sec:signatureValue"}}});var Fo=I((q0,Vo)=>{"use strict";Vo.exports={"@context":[{"@version":1.1},"https://w3id.org/security/v1",{AesKeyWrappingKey2019:"sec:AesKeyWrappingKey2019",DeleteKeyOperation:"sec:DeleteKeyOperation",DeriveSecretOperation:"sec:DeriveSecretOperation",EcdsaSecp256k1Signature2019:"sec:EcdsaSecp256k1Signature2019",EcdsaSecp256r1Signature2019:"sec:EcdsaSecp256r1Signature2019",EcdsaSecp256k1VerificationKey2019:"sec:EcdsaSecp256k1VerificationKey2019",EcdsaSecp256r1VerificationKey2019:"sec:EcdsaSecp256r1VerificationKey2019",Ed25519Signature2018:"sec:Ed25519Signature2018",Ed25519VerificationKey2018:"sec:Ed25519VerificationKey2018",EquihashProof2018:"sec:EquihashProof2018",ExportKeyOperation:"sec:ExportKeyOperation",GenerateKeyOperation:"sec:GenerateKeyOperation",KmsOperation:"sec:KmsOperation",RevokeKeyOperation:"sec:RevokeKeyOperation",RsaSignature2018:"sec:RsaSignature2018",RsaVerificationKey2018:"sec:RsaVerificationKey2018",Sha256HmacKey2019:"sec:Sha256HmacKey2019",SignOperation:"sec:SignOperation",UnwrapKeyOperation:"sec:UnwrapKeyOperation",VerifyOperation:"sec:VerifyOperation",WrapKeyOperation:"sec:WrapKeyOperation",X25519KeyAgreementKey2019:"sec:X25519KeyAgreementKey2019",allowedAction:"sec:allowedAction",assertionMethod:{"@id":"sec:assertionMethod","@type":"@id","@container":"@set"},authentication:{"@id":"sec:authenticationMethod","@type":"@id","@container":"@set"},capability:{"@id":"sec:capability","@type":"@id"},capabilityAction:"sec:capabilityAction",capabilityChain:{"@id":"sec:capabilityChain","@type":"@id","@container":"@list"},capabilityDelegation:{"@id":"sec:capabilityDelegationMethod","@type":"@id","@container":"@set"},capabilityInvocation:{"@id":"sec:capabilityInvocationMethod","@type":"@id","@container":"@set"},caveat:{"@id":"sec:caveat","@type":"@id","@container":"@set"},challenge:"sec:challenge",ciphertext:"sec:ciphertext",controller:{"@id":"sec:controller","@type":"@id"},delegator:{"@id":"sec:delegator","@type":"@id"},equihashParameterK:{"@id":"sec:equihashParameterK","@type":"xsd:integer"},equihashParameterN:{"@id":"sec:equihashParameterN","@type":"xsd:integer"},invocationTarget:{"@id":"sec:invocationTarget","@type":"@id"},invoker:{"@id":"sec:invoker","@type":"@id"},jws:"sec:jws",keyAgreement:{"@id":"sec:keyAgreementMethod","@type":"@id","@container":"@set"},kmsModule:{"@id":"sec:kmsModule"},parentCapability:{"@id":"sec:parentCapability","@type":"@id"},plaintext:"sec:plaintext",proof:{"@id":"sec:proof","@type":"@id","@container":"@graph"},proofPurpose:{"@id":"sec:proofPurpose","@type":"@vocab"},proofValue:"sec:proofValue",referenceId:"sec:referenceId",unwrappedKey:"sec:unwrappedKey",verificationMethod:{"@id":"sec:verificationMethod","@type":"@id"},verifyData:"sec:verifyData",wrappedKey:"sec:wrappedKey"}]}});var Ko=I((V0,Ho)=>{"use strict";Ho.exports={SECURITY_CONTEXT_V1_URL:"https://w3id.org/security/v1",SECURITY_CONTEXT_V2_URL:"https://w3id.org/security/v2",CONTEXT_URL:"https://w3id.org/security/v2"}});var vi=I((F0,Yo)=>{"use strict";var Gf=qo(),Jo=Fo(),Xo=Ko(),{CONTEXT_URL:Yf,SECURITY_CONTEXT_V1_URL:Zo,SECURITY_CONTEXT_V2_URL:Go}=Xo,bi=new Map;bi.set(Zo,Gf);bi.set(Go,Jo);Yo.exports={constants:Xo,contexts:bi,SECURITY_CONTEXT_V1_URL:Zo,SECURITY_CONTEXT_V2_URL:Go,CONTEXT_URL:Yf,CONTEXT:Jo}});var qt=I((H0,Wo)=>{"use strict";var{constants:_i}=vi();Wo.exports={SECURITY_CONTEXT_URL:_i.SECURITY_CONTEXT_V2_URL,SECURITY_CONTEXT_V1_URL:_i.SECURITY_CONTEXT_V1_URL,SECURITY_CONTEXT_V2_URL:_i.SECURITY_CONTEXT_V2_URL,SECURITY_PROOF_URL:"https://w3id.org/security#proof",SECURITY_SIGNATURE_URL:"https://w3id.org/security#signature"}});var xr=I((K0,ea)=>{"use strict";ea.exports=class Qo{constructor(n,t=new Map,r=0){this.prefix=n,this._existing=t,this.counter=r}clone(){let{prefix:n,_existing:t,counter:r}=this;return new Qo(n,new Map(t),r)}getId(n){let t=n&&this._existing.get(n);if(t)return t;let r=this.prefix+this.counter;return this.counter++,n&&this._existing.set(n,r),r}hasId(n){return this._existing.has(n)}getOldIds(){return[...this._existing.keys()]}}});var na=I(ta=>{(function(e,n){"use strict";if(e.setImmediate)return;var t=1,r={},i=!1,s=e.document,o;function a(b){typeof b!="function"&&(b=new Function(""+b));for(var v=new Array(arguments.length-1),m=0;m<v.length;m++)v[m]=arguments[m+1];var x={callback:b,args:v};return r[t]=x,o(t),t++}function d(b){delete r[b]}function c(b){var v=b.callback,m=b.args;switch(m.length){case 0:v();break;case 1:v(m[0]);break;case 2:v(m[0],m[1]);break;case 3:v(m[0],m[1],m[2]);break;default:v.apply(n,m);break}}function u(b){if(i)setTimeout(u,0,b);else{var v=r[b];if(v){i=!0;try{c(v)}finally{d(b),i=!1}}}}function h(){o=function(b){process.nextTick(function(){u(b)})}}function f(){if(e.postMessage&&!e.importScripts){var b=!0,v=e.onmessage;return e.onmessage=function(){b=!1},e.postMessage("","*"),e.onmessage=v,b}}function l(){var b="setImmediate$"+Math.random()+"$",v=function(m){m.source===e&&typeof m.data=="string"&&m.data.indexOf(b)===0&&u(+m.data.slice(b.length))};e.addEventListener?e.addEventListener("message",v,!1):e.attachEvent("onmessage",v),o=function(m){e.postMessage(b+m,"*")}}function p(){var b=new MessageChannel;b.port1.onmessage=function(v){var m=v.data;u(m)},o=function(v){b.port2.postMessage(v)}}function y(){var b=s.documentElement;o=function(v){var m=s.createElement("script");m.onreadystatechange=function(){u(v),m.onreadystatechange=null,b.removeChild(m),m=null},b.appendChild(m)}}function g(){o=function(b){setTimeout(u,0,b)}}var w=Object.getPrototypeOf&&Object.getPrototypeOf(e);w=w&&w.setTimeout?w:e,{}.toString.call(e.process)==="[object process]"?h():f()?l():e.MessageChannel?p():s&&"onreadystatechange"in s.createElement("script")?y():g(),w.setImmediate=a,w.clearImmediate=d})(typeof self>"u"?typeof global>"u"?ta:global:self)});var xi=I(Er=>{"use strict";na();Er.setImmediate=setImmediate;Er.crypto=globalThis.crypto;var ra=[];for(let e=0;e<=255;++e)ra.push(e.toString(16).padStart(2,"0"));Er.bufferToHex=function(n){let t="",r=new Uint8Array(n);for(let i=0;i<r.length;++i)t+=ra[r[i]];return t}});var Si=I((G0,sa)=>{"use strict";var{bufferToHex:Wf,crypto:Ei}=xi(),ia=new Map([["sha256","SHA-256"],["SHA256","SHA-256"],["SHA-256","SHA-256"],["sha384","SHA-384"],["SHA384","SHA-384"],["SHA-384","SHA-384"],["sha512","SHA-512"],["SHA512","SHA-512"],["SHA-512","SHA-512"]]);sa.exports=class{constructor(n){if(!(Ei&&Ei.subtle))throw new Error("crypto.subtle not found.");if(!ia.has(n))throw new Error(`Unsupported algorithm "${n}".`);this.algorithm=ia.get(n),this._content=""}update(n){this._content+=n}async digest(){let n=new TextEncoder().encode(this._content),t=await Ei.subtle.digest(this.algorithm,n);return Wf(t)}}});var Ii=I((W0,oa)=>{"use strict";oa.exports=class{constructor(n){this.current=n.sort(),this.done=!1,this.dir=new Map;for(let t=0;t<n.length;++t)this.dir.set(n[t],!0)}hasNext(){return!this.done}next(){let{current:n,dir:t}=this,r=n.slice(),i=null,s=0,o=n.length;for(let a=0;a<o;++a){let d=n[a],c=t.get(d);(i===null||d>i)&&(c&&a>0&&d>n[a-1]||!c&&a<o-1&&d>n[a+1])&&(i=d,s=a)}if(i===null)this.done=!0;else{let a=t.get(i)?s-1:s+1;n[s]=n[a],n[a]=i;for(let d of n)d>i&&t.set(d,!t.get(d))}return r}}});var Tr=I((Q0,pa)=>{"use strict";var Qf="http://www.w3.org/1999/02/22-rdf-syntax-ns#",aa=Qf+"langString",ca="http://www.w3.org/2001/XMLSchema#string",ze="NamedNode",bn="BlankNode",ua="Literal",ep="DefaultGraph",Vt={};(()=>{let n="A-Za-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD"+"_",t=n+"0-9-\xB7\u0300-\u036F\u203F-\u2040",r="_:((?:["+n+"0-9])(?:(?:["+t+".])*(?:["+t+"]))?)",o='(?:<((?:[^\0- <>"{}|^`\\\\]|'+"\\\\u[0-9A-Fa-f]{4}"+"|"+"\\\\U[0-9A-Fa-f]{8}"+")*)>)",a=r,d='"([^"\\\\]*(?:\\\\.[^"\\\\]*)*)"',c="(?:\\^\\^"+o+")",h="(?:"+d+"(?:"+c+"|"+"(?:@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*))"+")?)",f="[ \\t]+",l="[ \\t]*",p="(?:"+o+"|"+a+")"+f,y=o+f,g="(?:"+o+"|"+a+"|"+h+")"+l,w="(?:\\.|(?:(?:"+o+"|"+a+")"+l+"\\.))";Vt.eoln=/(?:\r\n)|(?:\n)|(?:\r)/g,Vt.empty=new RegExp("^"+l+"$"),Vt.quad=new RegExp("^"+l+p+y+g+w+l+"$")})();pa.exports=class Ti{static parse(n){let t=[],r={},i=n.split(Vt.eoln),s=0;for(let o of i){if(s++,Vt.empty.test(o))continue;let a=o.match(Vt.quad);if(a===null)throw new Error("N-Quads parse error on line "+s+".");let d={subject:null,predicate:null,object:null,graph:null};if(a[1]!==void 0?d.subject={termType:ze,value:_n(a[1])}:d.subject={termType:bn,value:a[2]},d.predicate={termType:ze,value:_n(a[3])},a[4]!==void 0?d.object={termType:ze,value:_n(a[4])}:a[5]!==void 0?d.object={termType:bn,value:a[5]}:(d.object={termType:ua,value:void 0,datatype:{termType:ze}},a[7]!==void 0?d.object.datatype.value=_n(a[7]):a[8]!==void 0?(d.object.datatype.value=aa,d.object.language=a[8]):d.object.datatype.value=ca,d.object.value=rp(a[6])),a[9]!==void 0?d.graph={termType:ze,value:_n(a[9])}:a[10]!==void 0?d.graph={termType:bn,value:a[10]}:d.graph={termType:ep,value:""},!(d.graph.value in r))r[d.graph.value]=[d],t.push(d);else{let c=!0,u=r[d.graph.value];for(let h of u)if(tp(h,d)){c=!1;break}c&&(u.push(d),t.push(d))}}return t}static serialize(n){let t=[];for(let r of n)t.push(Ti.serializeQuad(r));return t.sort().join("")}static serializeQuadComponents(n,t,r,i){let s="";return n.termType===ze?s+=`<${vn(n.value)}>`:s+=`_:${n.value}`,t.termType===ze?s+=` <${vn(t.value)}> `:s+=` _:${t.value} `,r.termType===ze?s+=`<${vn(r.value)}>`:r.termType===bn?s+=`_:${r.value}`:(s+=`"${np(r.value)}"`,r.datatype.value===aa?r.language&&(s+=`@${r.language}`):r.datatype.value!==ca&&(s+=`^^<${vn(r.datatype.value)}>`)),i.termType===ze?s+=` <${vn(i.value)}>`:i.termType===bn&&(s+=` _:${i.value}`),s+=` .
`,s}static serializeQuad(n){return Ti.serializeQuadComponents(n.subject,n.predicate,n.object,n.graph)}};function tp(e,n){return!(e.subject.termType===n.subject.termType&&e.object.termType===n.object.termType)||!(e.subject.value===n.subject.value&&e.predicate.value===n.predicate.value&&e.object.value===n.object.value)?!1:e.object.termType!==ua?!0:e.object.datatype.termType===n.object.datatype.termType&&e.object.language===n.object.language&&e.object.datatype.value===n.object.datatype.value}var Sr=/[\u0000-\u001F\u007F"\\]/g,qe=[];for(let e=0;e<=127;++e)Sr.test(String.fromCharCode(e))&&(qe[e]="\\u"+e.toString(16).toUpperCase().padStart(4,"0"),Sr.lastIndex=0);qe["\b".codePointAt(0)]="\\b";qe["	".codePointAt(0)]="\\t";qe[`
`.codePointAt(0)]="\\n";qe["\f".codePointAt(0)]="\\f";qe["\r".codePointAt(0)]="\\r";qe['"'.codePointAt(0)]='\\"';qe["\\".codePointAt(0)]="\\\\";function np(e){return Sr.test(e)?e.replace(Sr,function(n){return qe[n.codePointAt(0)]}):e}var la=/(?:\\([btnfr"'\\]))|(?:\\u([0-9A-Fa-f]{4}))|(?:\\U([0-9A-Fa-f]{8}))/g;function rp(e){return la.test(e)?e.replace(la,function(n,t,r,i){if(t)switch(t){case"b":return"\b";case"t":return"	";case"n":return`
`;case"f":return"\f";case"r":return"\r";case'"':return'"';case"'":return"'";case"\\":return"\\"}if(r)return String.fromCharCode(parseInt(r,16));if(i)return String.fromCodePoint(parseInt(i,16))}):e}var Ir=/[\u0000-\u0020<>"{}|^`\\]/g,fa=[];for(let e=0;e<=127;++e)Ir.test(String.fromCharCode(e))&&(fa[e]="\\u"+e.toString(16).toUpperCase().padStart(4,"0"),Ir.lastIndex=0);function vn(e){return Ir.test(e)?e.replace(Ir,function(n){return fa[n.codePointAt(0)]}):e}var da=/(?:\\u([0-9A-Fa-f]{4}))|(?:\\U([0-9A-Fa-f]{8}))/g;function _n(e){return da.test(e)?e.replace(da,function(n,t,r){if(t)return String.fromCharCode(parseInt(t,16));if(r)return String.fromCodePoint(parseInt(r,16))}):e}});var wa=I((tb,ya)=>{"use strict";var ha=xr(),ip=Si(),sp=Ii(),ga=Tr(),{setImmediate:op}=xi();ya.exports=class{constructor({createMessageDigest:n=null,messageDigestAlgorithm:t="sha256",canonicalIdMap:r=new Map,maxWorkFactor:i=1,maxDeepIterations:s=-1,signal:o=null}={}){this.name="RDFC-1.0",this.blankNodeInfo=new Map,this.canonicalIssuer=new ha("c14n",r),this.createMessageDigest=n||(()=>new ip(t)),this.maxWorkFactor=i,this.maxDeepIterations=s,this.remainingDeepIterations=0,this.signal=o,this.quads=null}async main(n){this.quads=n;for(let d of n)this._addBlankNodeQuadInfo({quad:d,component:d.subject}),this._addBlankNodeQuadInfo({quad:d,component:d.object}),this._addBlankNodeQuadInfo({quad:d,component:d.graph});let t=new Map,r=[...this.blankNodeInfo.keys()],i=0;for(let d of r)++i%100===0&&await this._yield(),await this._hashAndTrackBlankNode({id:d,hashToBlankNodes:t});let s=[...t.keys()].sort(),o=[];for(let d of s){let c=t.get(d);if(c.length>1){o.push(c);continue}let u=c[0];this.canonicalIssuer.getId(u)}if(this.maxDeepIterations<0)if(this.maxWorkFactor===0)this.maxDeepIterations=0;else if(this.maxWorkFactor===1/0)this.maxDeepIterations=1/0;else{let d=o.reduce((c,u)=>c+u.length,0);this.maxDeepIterations=d**this.maxWorkFactor}this.maxDeepIterations>Number.MAX_SAFE_INTEGER&&(this.maxDeepIterations=1/0),this.remainingDeepIterations=this.maxDeepIterations;for(let d of o){let c=[];for(let u of d){if(this.canonicalIssuer.hasId(u))continue;let h=new ha("b");h.getId(u);let f=await this.hashNDegreeQuads(u,h);c.push(f)}c.sort(ap);for(let u of c){let h=u.issuer.getOldIds();for(let f of h)this.canonicalIssuer.getId(f)}}let a=[];for(let d of this.quads){let c=ga.serializeQuadComponents(this._componentWithCanonicalId(d.subject),d.predicate,this._componentWithCanonicalId(d.object),this._componentWithCanonicalId(d.graph));a.push(c)}return a.sort(),a.join("")}async hashFirstDegreeQuads(n){let t=[],r=this.blankNodeInfo.get(n),i=r.quads;for(let o of i)t.push(ga.serializeQuadComponents(this.modifyFirstDegreeComponent(n,o.subject,"subject"),o.predicate,this.modifyFirstDegreeComponent(n,o.object,"object"),this.modifyFirstDegreeComponent(n,o.graph,"graph")));t.sort();let s=this.createMessageDigest();for(let o of t)s.update(o);return r.hash=await s.digest(),r.hash}async hashRelatedBlankNode(n,t,r,i){let s=this.createMessageDigest();s.update(i),i!=="g"&&s.update(this.getRelatedPredicate(t));let o;return this.canonicalIssuer.hasId(n)?o="_:"+this.canonicalIssuer.getId(n):r.hasId(n)?o="_:"+r.getId(n):o=this.blankNodeInfo.get(n).hash,s.update(o),s.digest()}async hashNDegreeQuads(n,t){if(this.remainingDeepIterations===0)throw new Error(`Maximum deep iterations exceeded (${this.maxDeepIterations}).`);this.remainingDeepIterations--;let r=this.createMessageDigest(),i=await this.createHashToRelated(n,t),s=[...i.keys()].sort();for(let o of s){r.update(o);let a="",d,c=new sp(i.get(o)),u=0;for(;c.hasNext();){let h=c.next();if(++u%3===0){if(this.signal&&this.signal.aborted)throw new Error(`Abort signal received: "${this.signal.reason}".`);await this._yield()}let f=t.clone(),l="",p=[],y=!1;for(let g of h)if(this.canonicalIssuer.hasId(g)?l+="_:"+this.canonicalIssuer.getId(g):(f.hasId(g)||p.push(g),l+="_:"+f.getId(g)),a.length!==0&&l>a){y=!0;break}if(!y){for(let g of p){let w=await this.hashNDegreeQuads(g,f);if(l+="_:"+f.getId(g),l+=`<${w.hash}>`,f=w.issuer,a.length!==0&&l>a){y=!0;break}}y||(a.length===0||l<a)&&(a=l,d=f)}}r.update(a),t=d}return{hash:await r.digest(),issuer:t}}modifyFirstDegreeComponent(n,t){return t.termType!=="BlankNode"?t:{termType:"BlankNode",value:t.value===n?"a":"z"}}getRelatedPredicate(n){return`<${n.predicate.value}>`}async createHashToRelated(n,t){let r=new Map,i=this.blankNodeInfo.get(n).quads,s=0;for(let o of i)++s%100===0&&await this._yield(),await Promise.all([this._addRelatedBlankNodeHash({quad:o,component:o.subject,position:"s",id:n,issuer:t,hashToRelated:r}),this._addRelatedBlankNodeHash({quad:o,component:o.object,position:"o",id:n,issuer:t,hashToRelated:r}),this._addRelatedBlankNodeHash({quad:o,component:o.graph,position:"g",id:n,issuer:t,hashToRelated:r})]);return r}async _hashAndTrackBlankNode({id:n,hashToBlankNodes:t}){let r=await this.hashFirstDegreeQuads(n),i=t.get(r);i?i.push(n):t.set(r,[n])}_addBlankNodeQuadInfo({quad:n,component:t}){if(t.termType!=="BlankNode")return;let r=t.value,i=this.blankNodeInfo.get(r);i?i.quads.add(n):this.blankNodeInfo.set(r,{quads:new Set([n]),hash:null})}async _addRelatedBlankNodeHash({quad:n,component:t,position:r,id:i,issuer:s,hashToRelated:o}){if(!(t.termType==="BlankNode"&&t.value!==i))return;let a=t.value,d=await this.hashRelatedBlankNode(a,n,s,r),c=o.get(d);c?c.push(a):o.set(d,[a])}_componentWithCanonicalId(n){return n.termType==="BlankNode"&&!n.value.startsWith(this.canonicalIssuer.prefix)?{termType:"BlankNode",value:this.canonicalIssuer.getId(n.value)}:n}async _yield(){return new Promise(n=>op(n))}};function ap(e,n){return e.hash<n.hash?-1:e.hash>n.hash?1:0}});var _a=I((rb,va)=>{"use strict";var ma=xr(),cp=Si(),lp=Ii(),ba=Tr();va.exports=class{constructor({createMessageDigest:n=null,messageDigestAlgorithm:t="sha256",canonicalIdMap:r=new Map,maxWorkFactor:i=1,maxDeepIterations:s=-1,timeout:o=0}={}){this.name="RDFC-1.0",this.blankNodeInfo=new Map,this.canonicalIssuer=new ma("c14n",r),this.createMessageDigest=n||(()=>new cp(t)),this.maxWorkFactor=i,this.maxDeepIterations=s,this.remainingDeepIterations=0,this.timeout=o,o>0&&(this.startTime=Date.now()),this.quads=null}main(n){this.quads=n;for(let a of n)this._addBlankNodeQuadInfo({quad:a,component:a.subject}),this._addBlankNodeQuadInfo({quad:a,component:a.object}),this._addBlankNodeQuadInfo({quad:a,component:a.graph});let t=new Map,r=[...this.blankNodeInfo.keys()];for(let a of r)this._hashAndTrackBlankNode({id:a,hashToBlankNodes:t});let i=[...t.keys()].sort(),s=[];for(let a of i){let d=t.get(a);if(d.length>1){s.push(d);continue}let c=d[0];this.canonicalIssuer.getId(c)}if(this.maxDeepIterations<0)if(this.maxWorkFactor===0)this.maxDeepIterations=0;else if(this.maxWorkFactor===1/0)this.maxDeepIterations=1/0;else{let a=s.reduce((d,c)=>d+c.length,0);this.maxDeepIterations=a**this.maxWorkFactor}this.maxDeepIterations>Number.MAX_SAFE_INTEGER&&(this.maxDeepIterations=1/0),this.remainingDeepIterations=this.maxDeepIterations;for(let a of s){let d=[];for(let c of a){if(this.canonicalIssuer.hasId(c))continue;let u=new ma("b");u.getId(c);let h=this.hashNDegreeQuads(c,u);d.push(h)}d.sort(dp);for(let c of d){let u=c.issuer.getOldIds();for(let h of u)this.canonicalIssuer.getId(h)}}let o=[];for(let a of this.quads){let d=ba.serializeQuadComponents(this._componentWithCanonicalId(a.subject),a.predicate,this._componentWithCanonicalId(a.object),this._componentWithCanonicalId(a.graph));o.push(d)}return o.sort(),o.join("")}hashFirstDegreeQuads(n){let t=[],r=this.blankNodeInfo.get(n),i=r.quads;for(let o of i)t.push(ba.serializeQuadComponents(this.modifyFirstDegreeComponent(n,o.subject,"subject"),o.predicate,this.modifyFirstDegreeComponent(n,o.object,"object"),this.modifyFirstDegreeComponent(n,o.graph,"graph")));t.sort();let s=this.createMessageDigest();for(let o of t)s.update(o);return r.hash=s.digest(),r.hash}hashRelatedBlankNode(n,t,r,i){let s=this.createMessageDigest();s.update(i),i!=="g"&&s.update(this.getRelatedPredicate(t));let o;return this.canonicalIssuer.hasId(n)?o="_:"+this.canonicalIssuer.getId(n):r.hasId(n)?o="_:"+r.getId(n):o=this.blankNodeInfo.get(n).hash,s.update(o),s.digest()}hashNDegreeQuads(n,t){if(this.remainingDeepIterations===0)throw new Error(`Maximum deep iterations exceeded (${this.maxDeepIterations}).`);this.remainingDeepIterations--;let r=this.createMessageDigest(),i=this.createHashToRelated(n,t),s=[...i.keys()].sort();for(let o of s){r.update(o);let a="",d,c=new lp(i.get(o)),u=0;for(;c.hasNext();){let h=c.next();if(++u%3===0&&this.timeout>0&&Date.now()-this.startTime>this.timeout)throw new Error("Canonize timeout.");let f=t.clone(),l="",p=[],y=!1;for(let g of h)if(this.canonicalIssuer.hasId(g)?l+="_:"+this.canonicalIssuer.getId(g):(f.hasId(g)||p.push(g),l+="_:"+f.getId(g)),a.length!==0&&l>a){y=!0;break}if(!y){for(let g of p){let w=this.hashNDegreeQuads(g,f);if(l+="_:"+f.getId(g),l+=`<${w.hash}>`,f=w.issuer,a.length!==0&&l>a){y=!0;break}}y||(a.length===0||l<a)&&(a=l,d=f)}}r.update(a),t=d}return{hash:r.digest(),issuer:t}}modifyFirstDegreeComponent(n,t){return t.termType!=="BlankNode"?t:{termType:"BlankNode",value:t.value===n?"a":"z"}}getRelatedPredicate(n){return`<${n.predicate.value}>`}createHashToRelated(n,t){let r=new Map,i=this.blankNodeInfo.get(n).quads;for(let s of i)this._addRelatedBlankNodeHash({quad:s,component:s.subject,position:"s",id:n,issuer:t,hashToRelated:r}),this._addRelatedBlankNodeHash({quad:s,component:s.object,position:"o",id:n,issuer:t,hashToRelated:r}),this._addRelatedBlankNodeHash({quad:s,component:s.graph,position:"g",id:n,issuer:t,hashToRelated:r});return r}_hashAndTrackBlankNode({id:n,hashToBlankNodes:t}){let r=this.hashFirstDegreeQuads(n),i=t.get(r);i?i.push(n):t.set(r,[n])}_addBlankNodeQuadInfo({quad:n,component:t}){if(t.termType!=="BlankNode")return;let r=t.value,i=this.blankNodeInfo.get(r);i?i.quads.add(n):this.blankNodeInfo.set(r,{quads:new Set([n]),hash:null})}_addRelatedBlankNodeHash({quad:n,component:t,position:r,id:i,issuer:s,hashToRelated:o}){if(!(t.termType==="BlankNode"&&t.value!==i))return;let a=t.value,d=this.hashRelatedBlankNode(a,n,s,r),c=o.get(d);c?c.push(a):o.set(d,[a])}_componentWithCanonicalId(n){return n.termType==="BlankNode"&&!n.value.startsWith(this.canonicalIssuer.prefix)?{termType:"BlankNode",value:this.canonicalIssuer.getId(n.value)}:n}};function dp(e,n){return e.hash<n.hash?-1:e.hash>n.hash?1:0}});var Aa=I(Ft=>{"use strict";var xa=wa(),Ea=_a();function Sa(e,n){if(n.inputFormat){if(n.inputFormat==="application/n-quads"){if(typeof e!="string")throw new Error("N-Quads input must be a string.");return Ft.NQuads.parse(e)}throw new Error(`Unknown canonicalization input format: "${n.inputFormat}".`)}return e}function Ia(e){if(e.format&&e.format!=="application/n-quads")throw new Error(`Unknown canonicalization output format: "${e.format}".`)}function Ta(){globalThis.RDF_CANONIZE_TRACE_URDNA2015&&console.trace("[rdf-canonize] URDNA2015 is deprecated, use RDFC-1.0")}Ft.NQuads=Tr();Ft.IdentifierIssuer=xr();Ft.canonize=async function(e,n={}){let t=Sa(e,n);if(Ia(n),!("algorithm"in n))throw new Error("No RDF Dataset Canonicalization algorithm specified.");if(n.algorithm==="RDFC-1.0")return new xa(n).main(t);if(n.algorithm==="URDNA2015"&&!n.rejectURDNA2015)return Ta(),new xa(n).main(t);throw new Error("Invalid RDF Dataset Canonicalization algorithm: "+n.algorithm)};Ft._canonizeSync=function(e,n={}){let t=Sa(e,n);if(Ia(n),!("algorithm"in n))throw new Error("No RDF Dataset Canonicalization algorithm specified.");if(n.algorithm==="RDFC-1.0")return new Ea(n).main(t);if(n.algorithm==="URDNA2015"&&!n.rejectURDNA2015)return Ta(),new Ea(n).main(t);throw new Error("Invalid RDF Dataset Canonicalization algorithm: "+n.algorithm)}});var Ht=I((sb,ka)=>{ka.exports=Aa()});var ne=I((ob,Da)=>{"use strict";var he={};Da.exports=he;he.isArray=Array.isArray;he.isBoolean=e=>typeof e=="boolean"||Object.prototype.toString.call(e)==="[object Boolean]";he.isDouble=e=>he.isNumber(e)&&(String(e).indexOf(".")!==-1||Math.abs(e)>=1e21);he.isEmptyObject=e=>he.isObject(e)&&Object.keys(e).length===0;he.isNumber=e=>typeof e=="number"||Object.prototype.toString.call(e)==="[object Number]";he.isNumeric=e=>!isNaN(parseFloat(e))&&isFinite(e);he.isObject=e=>Object.prototype.toString.call(e)==="[object Object]";he.isString=e=>typeof e=="string"||Object.prototype.toString.call(e)==="[object String]";he.isUndefined=e=>typeof e>"u"});var Te=I((ab,Ra)=>{"use strict";var vt=ne(),Ve={};Ra.exports=Ve;Ve.isSubject=e=>vt.isObject(e)&&!("@value"in e||"@set"in e||"@list"in e)?Object.keys(e).length>1||!("@id"in e):!1;Ve.isSubjectReference=e=>vt.isObject(e)&&Object.keys(e).length===1&&"@id"in e;Ve.isValue=e=>vt.isObject(e)&&"@value"in e;Ve.isList=e=>vt.isObject(e)&&"@list"in e;Ve.isGraph=e=>vt.isObject(e)&&"@graph"in e&&Object.keys(e).filter(n=>n!=="@id"&&n!=="@index").length===1;Ve.isSimpleGraph=e=>Ve.isGraph(e)&&!("@id"in e);Ve.isBlankNode=e=>{if(vt.isObject(e)){if("@id"in e){let n=e["@id"];return!vt.isString(n)||n.indexOf("_:")===0}return Object.keys(e).length===0||!("@value"in e||"@set"in e||"@list"in e)}return!1}});var oe=I((lb,Oa)=>{"use strict";Oa.exports=class extends Error{constructor(n="An unspecified JSON-LD error occurred.",t="jsonld.Error",r={}){super(n),this.name=t,this.message=n,this.details=r}}});var ae=I((db,ja)=>{"use strict";var xn=Te(),G=ne(),La=Ht().IdentifierIssuer,up=oe(),fp=/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/,pp=/(?:<[^>]*?>|"[^"]*?"|[^,])+/g,hp=/\s*<([^>]*?)>\s*(?:;\s*(.*))?/,gp=/(.*?)=(?:(?:"([^"]*?)")|([^"]*?))\s*(?:(?:;\s*)|$)/g,yp=/^@[a-zA-Z]+$/,Na={headers:{accept:"application/ld+json, application/json"}},M={};ja.exports=M;M.IdentifierIssuer=La;M.REGEX_BCP47=fp;M.REGEX_KEYWORD=yp;M.clone=function(e){if(e&&typeof e=="object"){let n;if(G.isArray(e)){n=[];for(let t=0;t<e.length;++t)n[t]=M.clone(e[t])}else if(e instanceof Map){n=new Map;for(let[t,r]of e)n.set(t,M.clone(r))}else if(e instanceof Set){n=new Set;for(let t of e)n.add(M.clone(t))}else if(G.isObject(e)){n={};for(let t in e)n[t]=M.clone(e[t])}else n=e.toString();return n}return e};M.asArray=function(e){return Array.isArray(e)?e:[e]};M.buildHeaders=(e={})=>{if(Object.keys(e).some(t=>t.toLowerCase()==="accept"))throw new RangeError('Accept header may not be specified; only "'+Na.headers.accept+'" is supported.');return Object.assign({Accept:Na.headers.accept},e)};M.parseLinkHeader=e=>{let n={},t=e.match(pp);for(let r=0;r<t.length;++r){let i=t[r].match(hp);if(!i)continue;let s={target:i[1]},o=i[2];for(;i=gp.exec(o);)s[i[1]]=i[2]===void 0?i[3]:i[2];let a=s.rel||"";Array.isArray(n[a])?n[a].push(s):n.hasOwnProperty(a)?n[a]=[n[a],s]:n[a]=s}return n};M.validateTypeValue=(e,n)=>{if(!G.isString(e)&&!(G.isArray(e)&&e.every(t=>G.isString(t)))){if(n&&G.isObject(e))switch(Object.keys(e).length){case 0:return;case 1:if("@default"in e&&M.asArray(e["@default"]).every(t=>G.isString(t)))return}throw new up('Invalid JSON-LD syntax; "@type" value must a string, an array of strings, an empty object, or a default object.',"jsonld.SyntaxError",{code:"invalid type value",value:e})}};M.hasProperty=(e,n)=>{if(e.hasOwnProperty(n)){let t=e[n];return!G.isArray(t)||t.length>0}return!1};M.hasValue=(e,n,t)=>{if(M.hasProperty(e,n)){let r=e[n],i=xn.isList(r);if(G.isArray(r)||i){i&&(r=r["@list"]);for(let s=0;s<r.length;++s)if(M.compareValues(t,r[s]))return!0}else if(!G.isArray(t))return M.compareValues(t,r)}return!1};M.addValue=(e,n,t,r)=>{if(r=r||{},"propertyIsArray"in r||(r.propertyIsArray=!1),"valueIsArray"in r||(r.valueIsArray=!1),"allowDuplicate"in r||(r.allowDuplicate=!0),"prependValue"in r||(r.prependValue=!1),r.valueIsArray)e[n]=t;else if(G.isArray(t)){t.length===0&&r.propertyIsArray&&!e.hasOwnProperty(n)&&(e[n]=[]),r.prependValue&&(t=t.concat(e[n]),e[n]=[]);for(let i=0;i<t.length;++i)M.addValue(e,n,t[i],r)}else if(e.hasOwnProperty(n)){let i=!r.allowDuplicate&&M.hasValue(e,n,t);!G.isArray(e[n])&&(!i||r.propertyIsArray)&&(e[n]=[e[n]]),i||(r.prependValue?e[n].unshift(t):e[n].push(t))}else e[n]=r.propertyIsArray?[t]:t};M.getValues=(e,n)=>[].concat(e[n]||[]);M.removeProperty=(e,n)=>{delete e[n]};M.removeValue=(e,n,t,r)=>{r=r||{},"propertyIsArray"in r||(r.propertyIsArray=!1);let i=M.getValues(e,n).filter(s=>!M.compareValues(s,t));i.length===0?M.removeProperty(e,n):i.length===1&&!r.propertyIsArray?e[n]=i[0]:e[n]=i};M.relabelBlankNodes=(e,n)=>{n=n||{};let t=n.issuer||new La("_:b");return Ar(t,e)};M.compareValues=(e,n)=>e===n||xn.isValue(e)&&xn.isValue(n)&&e["@value"]===n["@value"]&&e["@type"]===n["@type"]&&e["@language"]===n["@language"]&&e["@index"]===n["@index"]?!0:G.isObject(e)&&"@id"in e&&G.isObject(n)&&"@id"in n?e["@id"]===n["@id"]:!1;M.compareShortestLeast=(e,n)=>e.length<n.length?-1:n.length<e.length?1:e===n?0:e<n?-1:1;function Ar(e,n){if(G.isArray(n))for(let t=0;t<n.length;++t)n[t]=Ar(e,n[t]);else if(xn.isList(n))n["@list"]=Ar(e,n["@list"]);else if(G.isObject(n)){xn.isBlankNode(n)&&(n["@id"]=e.getId(n["@id"]));let t=Object.keys(n).sort();for(let r=0;r<t.length;++r){let i=t[r];i!=="@id"&&(n[i]=Ar(e,n[i]))}}return n}});var kr=I((ub,Ma)=>{"use strict";var xe="http://www.w3.org/1999/02/22-rdf-syntax-ns#",En="http://www.w3.org/2001/XMLSchema#";Ma.exports={LINK_HEADER_REL:"http://www.w3.org/ns/json-ld#context",LINK_HEADER_CONTEXT:"http://www.w3.org/ns/json-ld#context",RDF:xe,RDF_LIST:xe+"List",RDF_FIRST:xe+"first",RDF_REST:xe+"rest",RDF_NIL:xe+"nil",RDF_TYPE:xe+"type",RDF_PLAIN_LITERAL:xe+"PlainLiteral",RDF_XML_LITERAL:xe+"XMLLiteral",RDF_JSON_LITERAL:xe+"JSON",RDF_OBJECT:xe+"object",RDF_LANGSTRING:xe+"langString",XSD:En,XSD_BOOLEAN:En+"boolean",XSD_DOUBLE:En+"double",XSD_INTEGER:En+"integer",XSD_STRING:En+"string"}});var Ai=I((pb,Ua)=>{"use strict";Ua.exports=class{constructor(){this._requests={}}wrapLoader(n){let t=this;return t._loader=n,function(){return t.add.apply(t,arguments)}}async add(n){let t=this._requests[n];if(t)return Promise.resolve(t);t=this._requests[n]=this._loader(n);try{return await t}finally{delete this._requests[n]}}}});var Fe=I((hb,Ca)=>{"use strict";var Dr=ne(),Y={};Ca.exports=Y;Y.parsers={simple:{keys:["href","scheme","authority","path","query","fragment"],regex:/^(?:([^:\/?#]+):)?(?:\/\/([^\/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?/},full:{keys:["href","protocol","scheme","authority","auth","user","password","hostname","port","path","directory","file","query","fragment"],regex:/^(([a-zA-Z][a-zA-Z0-9+-.]*):)?(?:\/\/((?:(([^:@]*)(?::([^:@]*))?)?@)?([^:\/?#]*)(?::(\d*))?))?(?:(((?:[^?#\/]*\/)*)([^?#]*))(?:\?([^#]*))?(?:#(.*))?)/}};Y.parse=(e,n)=>{let t={},r=Y.parsers[n||"full"],i=r.regex.exec(e),s=r.keys.length;for(;s--;)t[r.keys[s]]=i[s]===void 0?null:i[s];return(t.scheme==="https"&&t.port==="443"||t.scheme==="http"&&t.port==="80")&&(t.href=t.href.replace(":"+t.port,""),t.authority=t.authority.replace(":"+t.port,""),t.port=null),t.normalizedPath=Y.removeDotSegments(t.path),t};Y.prependBase=(e,n)=>{if(e===null||Y.isAbsolute(n))return n;(!e||Dr.isString(e))&&(e=Y.parse(e||""));let t=Y.parse(n),r={protocol:e.protocol||""};if(t.authority!==null)r.authority=t.authority,r.path=t.path,r.query=t.query;else if(r.authority=e.authority,t.path==="")r.path=e.path,t.query!==null?r.query=t.query:r.query=e.query;else{if(t.path.indexOf("/")===0)r.path=t.path;else{let s=e.path;s=s.substr(0,s.lastIndexOf("/")+1),(s.length>0||e.authority)&&s.substr(-1)!=="/"&&(s+="/"),s+=t.path,r.path=s}r.query=t.query}t.path!==""&&(r.path=Y.removeDotSegments(r.path));let i=r.protocol;return r.authority!==null&&(i+="//"+r.authority),i+=r.path,r.query!==null&&(i+="?"+r.query),t.fragment!==null&&(i+="#"+t.fragment),i===""&&(i="./"),i};Y.removeBase=(e,n)=>{if(e===null)return n;(!e||Dr.isString(e))&&(e=Y.parse(e||""));let t="";if(e.href!==""?t+=(e.protocol||"")+"//"+(e.authority||""):n.indexOf("//")&&(t+="//"),n.indexOf(t)!==0)return n;let r=Y.parse(n.substr(t.length)),i=e.normalizedPath.split("/"),s=r.normalizedPath.split("/"),o=r.fragment||r.query?0:1;for(;i.length>0&&s.length>o&&i[0]===s[0];)i.shift(),s.shift();let a="";if(i.length>0){i.pop();for(let d=0;d<i.length;++d)a+="../"}return a+=s.join("/"),r.query!==null&&(a+="?"+r.query),r.fragment!==null&&(a+="#"+r.fragment),a===""&&(a="./"),a};Y.removeDotSegments=e=>{if(e.length===0)return"";let n=e.split("/"),t=[];for(;n.length>0;){let r=n.shift(),i=n.length===0;if(r==="."){i&&t.push("");continue}if(r===".."){t.pop(),i&&t.push("");continue}t.push(r)}return e[0]==="/"&&t.length>0&&t[0]!==""&&t.unshift(""),t.length===1&&t[0]===""?"/":t.join("/")};var wp=/^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;Y.isAbsolute=e=>Dr.isString(e)&&wp.test(e);Y.isRelative=e=>Dr.isString(e)});var Ba=I((gb,Pa)=>{"use strict";var{parseLinkHeader:mp,buildHeaders:bp}=ae(),{LINK_HEADER_CONTEXT:vp}=kr(),Sn=oe(),_p=Ai(),{prependBase:xp}=Fe(),Ep=/(^|(\r\n))link:/i;Pa.exports=({secure:e,headers:n={},xhr:t}={headers:{}})=>{return n=bp(n),new _p().wrapLoader(i);async function i(s){if(s.indexOf("http:")!==0&&s.indexOf("https:")!==0)throw new Sn('URL could not be dereferenced; only "http" and "https" URLs are supported.',"jsonld.InvalidUrl",{code:"loading document failed",url:s});if(e&&s.indexOf("https")!==0)throw new Sn(`URL could not be dereferenced; secure mode is enabled and the URL's scheme is not "https".`,"jsonld.InvalidUrl",{code:"loading document failed",url:s});let o;try{o=await Sp(t,s,n)}catch(h){throw new Sn("URL could not be dereferenced, an error occurred.","jsonld.LoadDocumentError",{code:"loading document failed",url:s,cause:h})}if(o.status>=400)throw new Sn("URL could not be dereferenced: "+o.statusText,"jsonld.LoadDocumentError",{code:"loading document failed",url:s,httpStatusCode:o.status});let a={contextUrl:null,documentUrl:s,document:o.response},d=null,c=o.getResponseHeader("Content-Type"),u;if(Ep.test(o.getAllResponseHeaders())&&(u=o.getResponseHeader("Link")),u&&c!=="application/ld+json"){let h=mp(u),f=h[vp];if(Array.isArray(f))throw new Sn("URL could not be dereferenced, it has more than one associated HTTP Link Header.","jsonld.InvalidUrl",{code:"multiple context link headers",url:s});f&&(a.contextUrl=f.target),d=h.alternate,d&&d.type=="application/ld+json"&&!(c||"").match(/^application\/(\w*\+)?json$/)&&(a=await i(xp(s,d.target)))}return a}};function Sp(e,n,t){e=e||XMLHttpRequest;let r=new e;return new Promise((i,s)=>{r.onload=()=>i(r),r.onerror=o=>s(o),r.open("GET",n,!0);for(let o in t)r.setRequestHeader(o,t[o]);r.send()})}});var za=I((yb,$a)=>{"use strict";var Ip=Ba(),ki={};$a.exports=ki;ki.setupDocumentLoaders=function(e){typeof XMLHttpRequest<"u"&&(e.documentLoaders.xhr=Ip,e.useDocumentLoader("xhr"))};ki.setupGlobals=function(e){typeof globalThis.JsonLdProcessor>"u"&&Object.defineProperty(globalThis,"JsonLdProcessor",{writable:!0,enumerable:!1,configurable:!0,value:e.JsonLdProcessor})}});var Va=I((wb,qa)=>{"use strict";qa.exports=function(e){e.prototype[Symbol.iterator]=function*(){for(let n=this.head;n;n=n.next)yield n.value}}});var Ha=I((mb,Fa)=>{"use strict";Fa.exports=L;L.Node=_t;L.create=L;function L(e){var n=this;if(n instanceof L||(n=new L),n.tail=null,n.head=null,n.length=0,e&&typeof e.forEach=="function")e.forEach(function(i){n.push(i)});else if(arguments.length>0)for(var t=0,r=arguments.length;t<r;t++)n.push(arguments[t]);return n}L.prototype.removeNode=function(e){if(e.list!==this)throw new Error("removing node which does not belong to this list");var n=e.next,t=e.prev;return n&&(n.prev=t),t&&(t.next=n),e===this.head&&(this.head=n),e===this.tail&&(this.tail=t),e.list.length--,e.next=null,e.prev=null,e.list=null,n};L.prototype.unshiftNode=function(e){if(e!==this.head){e.list&&e.list.removeNode(e);var n=this.head;e.list=this,e.next=n,n&&(n.prev=e),this.head=e,this.tail||(this.tail=e),this.length++}};L.prototype.pushNode=function(e){if(e!==this.tail){e.list&&e.list.removeNode(e);var n=this.tail;e.list=this,e.prev=n,n&&(n.next=e),this.tail=e,this.head||(this.head=e),this.length++}};L.prototype.push=function(){for(var e=0,n=arguments.length;e<n;e++)Ap(this,arguments[e]);return this.length};L.prototype.unshift=function(){for(var e=0,n=arguments.length;e<n;e++)kp(this,arguments[e]);return this.length};L.prototype.pop=function(){if(this.tail){var e=this.tail.value;return this.tail=this.tail.prev,this.tail?this.tail.next=null:this.head=null,this.length--,e}};L.prototype.shift=function(){if(this.head){var e=this.head.value;return this.head=this.head.next,this.head?this.head.prev=null:this.tail=null,this.length--,e}};L.prototype.forEach=function(e,n){n=n||this;for(var t=this.head,r=0;t!==null;r++)e.call(n,t.value,r,this),t=t.next};L.prototype.forEachReverse=function(e,n){n=n||this;for(var t=this.tail,r=this.length-1;t!==null;r--)e.call(n,t.value,r,this),t=t.prev};L.prototype.get=function(e){for(var n=0,t=this.head;t!==null&&n<e;n++)t=t.next;if(n===e&&t!==null)return t.value};L.prototype.getReverse=function(e){for(var n=0,t=this.tail;t!==null&&n<e;n++)t=t.prev;if(n===e&&t!==null)return t.value};L.prototype.map=function(e,n){n=n||this;for(var t=new L,r=this.head;r!==null;)t.push(e.call(n,r.value,this)),r=r.next;return t};L.prototype.mapReverse=function(e,n){n=n||this;for(var t=new L,r=this.tail;r!==null;)t.push(e.call(n,r.value,this)),r=r.prev;return t};L.prototype.reduce=function(e,n){var t,r=this.head;if(arguments.length>1)t=n;else if(this.head)r=this.head.next,t=this.head.value;else throw new TypeError("Reduce of empty list with no initial value");for(var i=0;r!==null;i++)t=e(t,r.value,i),r=r.next;return t};L.prototype.reduceReverse=function(e,n){var t,r=this.tail;if(arguments.length>1)t=n;else if(this.tail)r=this.tail.prev,t=this.tail.value;else throw new TypeError("Reduce of empty list with no initial value");for(var i=this.length-1;r!==null;i--)t=e(t,r.value,i),r=r.prev;return t};L.prototype.toArray=function(){for(var e=new Array(this.length),n=0,t=this.head;t!==null;n++)e[n]=t.value,t=t.next;return e};L.prototype.toArrayReverse=function(){for(var e=new Array(this.length),n=0,t=this.tail;t!==null;n++)e[n]=t.value,t=t.prev;return e};L.prototype.slice=function(e,n){n=n||this.length,n<0&&(n+=this.length),e=e||0,e<0&&(e+=this.length);var t=new L;if(n<e||n<0)return t;e<0&&(e=0),n>this.length&&(n=this.length);for(var r=0,i=this.head;i!==null&&r<e;r++)i=i.next;for(;i!==null&&r<n;r++,i=i.next)t.push(i.value);return t};L.prototype.sliceReverse=function(e,n){n=n||this.length,n<0&&(n+=this.length),e=e||0,e<0&&(e+=this.length);var t=new L;if(n<e||n<0)return t;e<0&&(e=0),n>this.length&&(n=this.length);for(var r=this.length,i=this.tail;i!==null&&r>n;r--)i=i.prev;for(;i!==null&&r>e;r--,i=i.prev)t.push(i.value);return t};L.prototype.splice=function(e,n,...t){e>this.length&&(e=this.length-1),e<0&&(e=this.length+e);for(var r=0,i=this.head;i!==null&&r<e;r++)i=i.next;for(var s=[],r=0;i&&r<n;r++)s.push(i.value),i=this.removeNode(i);i===null&&(i=this.tail),i!==this.head&&i!==this.tail&&(i=i.prev);for(var r=0;r<t.length;r++)i=Tp(this,i,t[r]);return s};L.prototype.reverse=function(){for(var e=this.head,n=this.tail,t=e;t!==null;t=t.prev){var r=t.prev;t.prev=t.next,t.next=r}return this.head=n,this.tail=e,this};function Tp(e,n,t){var r=n===e.head?new _t(t,null,n,e):new _t(t,n,n.next,e);return r.next===null&&(e.tail=r),r.prev===null&&(e.head=r),e.length++,r}function Ap(e,n){e.tail=new _t(n,e.tail,null,e),e.head||(e.head=e.tail),e.length++}function kp(e,n){e.head=new _t(n,null,e.head,e),e.tail||(e.tail=e.head),e.length++}function _t(e,n,t,r){if(!(this instanceof _t))return new _t(e,n,t,r);this.list=r,this.value=e,n?(n.next=this,this.prev=n):this.prev=null,t?(t.prev=this,this.next=t):this.next=null}try{Va()(L)}catch{}});var Li=I((bb,Za)=>{"use strict";var Dp=Ha(),xt=Symbol("max"),Ke=Symbol("length"),Kt=Symbol("lengthCalculator"),Tn=Symbol("allowStale"),Et=Symbol("maxAge"),He=Symbol("dispose"),Ka=Symbol("noDisposeOnSet"),H=Symbol("lruList"),Ee=Symbol("cache"),Xa=Symbol("updateAgeOnGet"),Di=()=>1,Oi=class{constructor(n){if(typeof n=="number"&&(n={max:n}),n||(n={}),n.max&&(typeof n.max!="number"||n.max<0))throw new TypeError("max must be a non-negative number");let t=this[xt]=n.max||1/0,r=n.length||Di;if(this[Kt]=typeof r!="function"?Di:r,this[Tn]=n.stale||!1,n.maxAge&&typeof n.maxAge!="number")throw new TypeError("maxAge must be a number");this[Et]=n.maxAge||0,this[He]=n.dispose,this[Ka]=n.noDisposeOnSet||!1,this[Xa]=n.updateAgeOnGet||!1,this.reset()}set max(n){if(typeof n!="number"||n<0)throw new TypeError("max must be a non-negative number");this[xt]=n||1/0,In(this)}get max(){return this[xt]}set allowStale(n){this[Tn]=!!n}get allowStale(){return this[Tn]}set maxAge(n){if(typeof n!="number")throw new TypeError("maxAge must be a non-negative number");this[Et]=n,In(this)}get maxAge(){return this[Et]}set lengthCalculator(n){typeof n!="function"&&(n=Di),n!==this[Kt]&&(this[Kt]=n,this[Ke]=0,this[H].forEach(t=>{t.length=this[Kt](t.value,t.key),this[Ke]+=t.length})),In(this)}get lengthCalculator(){return this[Kt]}get length(){return this[Ke]}get itemCount(){return this[H].length}rforEach(n,t){t=t||this;for(let r=this[H].tail;r!==null;){let i=r.prev;Ja(this,n,r,t),r=i}}forEach(n,t){t=t||this;for(let r=this[H].head;r!==null;){let i=r.next;Ja(this,n,r,t),r=i}}keys(){return this[H].toArray().map(n=>n.key)}values(){return this[H].toArray().map(n=>n.value)}reset(){this[He]&&this[H]&&this[H].length&&this[H].forEach(n=>this[He](n.key,n.value)),this[Ee]=new Map,this[H]=new Dp,this[Ke]=0}dump(){return this[H].map(n=>Rr(this,n)?!1:{k:n.key,v:n.value,e:n.now+(n.maxAge||0)}).toArray().filter(n=>n)}dumpLru(){return this[H]}set(n,t,r){if(r=r||this[Et],r&&typeof r!="number")throw new TypeError("maxAge must be a number");let i=r?Date.now():0,s=this[Kt](t,n);if(this[Ee].has(n)){if(s>this[xt])return Jt(this,this[Ee].get(n)),!1;let d=this[Ee].get(n).value;return this[He]&&(this[Ka]||this[He](n,d.value)),d.now=i,d.maxAge=r,d.value=t,this[Ke]+=s-d.length,d.length=s,this.get(n),In(this),!0}let o=new Ni(n,t,s,i,r);return o.length>this[xt]?(this[He]&&this[He](n,t),!1):(this[Ke]+=o.length,this[H].unshift(o),this[Ee].set(n,this[H].head),In(this),!0)}has(n){if(!this[Ee].has(n))return!1;let t=this[Ee].get(n).value;return!Rr(this,t)}get(n){return Ri(this,n,!0)}peek(n){return Ri(this,n,!1)}pop(){let n=this[H].tail;return n?(Jt(this,n),n.value):null}del(n){Jt(this,this[Ee].get(n))}load(n){this.reset();let t=Date.now();for(let r=n.length-1;r>=0;r--){let i=n[r],s=i.e||0;if(s===0)this.set(i.k,i.v);else{let o=s-t;o>0&&this.set(i.k,i.v,o)}}}prune(){this[Ee].forEach((n,t)=>Ri(this,t,!1))}},Ri=(e,n,t)=>{let r=e[Ee].get(n);if(r){let i=r.value;if(Rr(e,i)){if(Jt(e,r),!e[Tn])return}else t&&(e[Xa]&&(r.value.now=Date.now()),e[H].unshiftNode(r));return i.value}},Rr=(e,n)=>{if(!n||!n.maxAge&&!e[Et])return!1;let t=Date.now()-n.now;return n.maxAge?t>n.maxAge:e[Et]&&t>e[Et]},In=e=>{if(e[Ke]>e[xt])for(let n=e[H].tail;e[Ke]>e[xt]&&n!==null;){let t=n.prev;Jt(e,n),n=t}},Jt=(e,n)=>{if(n){let t=n.value;e[He]&&e[He](t.key,t.value),e[Ke]-=t.length,e[Ee].delete(t.key),e[H].removeNode(n)}},Ni=class{constructor(n,t,r,i,s){this.key=n,this.value=t,this.length=r,this.now=i,this.maxAge=s||0}},Ja=(e,n,t,r)=>{let i=t.value;Rr(e,i)&&(Jt(e,t),e[Tn]||(i=void 0)),i&&n.call(r,i.value,i.key,e)};Za.exports=Oi});var Ya=I((_b,Ga)=>{"use strict";var Rp=Li(),Op=10;Ga.exports=class{constructor({document:n}){this.document=n,this.cache=new Rp({max:Op})}getProcessed(n){return this.cache.get(n)}setProcessed(n,t){this.cache.set(n,t)}}});var tc=I((Eb,ec)=>{"use strict";var{isArray:ji,isObject:kn,isString:Or}=ne(),{asArray:Np}=ae(),{prependBase:Mi}=Fe(),An=oe(),Wa=Ya(),Qa=10;ec.exports=class{constructor({sharedCache:n}){this.perOpCache=new Map,this.sharedCache=n}async resolve({activeCtx:n,context:t,documentLoader:r,base:i,cycles:s=new Set}){t&&kn(t)&&t["@context"]&&(t=t["@context"]),t=Np(t);let o=[];for(let a of t){if(Or(a)){let u=this._get(a);u||(u=await this._resolveRemoteContext({activeCtx:n,url:a,documentLoader:r,base:i,cycles:s})),ji(u)?o.push(...u):o.push(u);continue}if(a===null){o.push(new Wa({document:null}));continue}kn(a)||Lp(t);let d=JSON.stringify(a),c=this._get(d);c||(c=new Wa({document:a}),this._cacheResolvedContext({key:d,resolved:c,tag:"static"})),o.push(c)}return o}_get(n){let t=this.perOpCache.get(n);if(!t){let r=this.sharedCache.get(n);r&&(t=r.get("static"),t&&this.perOpCache.set(n,t))}return t}_cacheResolvedContext({key:n,resolved:t,tag:r}){if(this.perOpCache.set(n,t),r!==void 0){let i=this.sharedCache.get(n);i||(i=new Map,this.sharedCache.set(n,i)),i.set(r,t)}return t}async _resolveRemoteContext({activeCtx:n,url:t,documentLoader:r,base:i,cycles:s}){t=Mi(i,t);let{context:o,remoteDoc:a}=await this._fetchContext({activeCtx:n,url:t,documentLoader:r,cycles:s});i=a.documentUrl||t,Ui({context:o,base:i});let d=await this.resolve({activeCtx:n,context:o,documentLoader:r,base:i,cycles:s});return this._cacheResolvedContext({key:t,resolved:d,tag:a.tag}),d}async _fetchContext({activeCtx:n,url:t,documentLoader:r,cycles:i}){if(i.size>Qa)throw new An("Maximum number of @context URLs exceeded.","jsonld.ContextUrlError",{code:n.processingMode==="json-ld-1.0"?"loading remote context failed":"context overflow",max:Qa});if(i.has(t))throw new An("Cyclical @context URLs detected.","jsonld.ContextUrlError",{code:n.processingMode==="json-ld-1.0"?"recursive context inclusion":"context overflow",url:t});i.add(t);let s,o;try{o=await r(t),s=o.document||null,Or(s)&&(s=JSON.parse(s))}catch(a){throw new An(`Dereferencing a URL did not result in a valid JSON-LD object. Possible causes are an inaccessible URL perhaps due to a same-origin policy (ensure the server uses CORS if you are using client-side JavaScript), too many redirects, a non-JSON response, or more than one HTTP Link Header was provided for a remote context. URL: "${t}".`,"jsonld.InvalidUrl",{code:"loading remote context failed",url:t,cause:a})}if(!kn(s))throw new An(`Dereferencing a URL did not result in a JSON object. The response was valid JSON, but it was not a JSON object. URL: "${t}".`,"jsonld.InvalidUrl",{code:"invalid remote context",url:t});return"@context"in s?s={"@context":s["@context"]}:s={"@context":{}},o.contextUrl&&(ji(s["@context"])||(s["@context"]=[s["@context"]]),s["@context"].push(o.contextUrl)),{context:s,remoteDoc:o}}};function Lp(e){throw new An("Invalid JSON-LD syntax; @context must be an object.","jsonld.SyntaxError",{code:"invalid local context",context:e})}function Ui({context:e,base:n}){if(!e)return;let t=e["@context"];if(Or(t)){e["@context"]=Mi(n,t);return}if(ji(t)){for(let r=0;r<t.length;++r){let i=t[r];if(Or(i)){t[r]=Mi(n,i);continue}kn(i)&&Ui({context:{"@context":i},base:n})}return}if(kn(t))for(let r in t)Ui({context:t[r],base:n})}});var rc=I((Sb,nc)=>{"use strict";nc.exports=Ht().NQuads});var Xt=I((Ib,oc)=>{"use strict";var Ci=oe(),{isArray:jp}=ne(),{asArray:ic}=ae(),ce={};oc.exports=ce;ce.defaultEventHandler=null;ce.setupEventHandler=({options:e={}})=>{let n=[].concat(e.safe?ce.safeEventHandler:[],e.eventHandler?ic(e.eventHandler):[],ce.defaultEventHandler?ce.defaultEventHandler:[]);return n.length===0?null:n};ce.handleEvent=({event:e,options:n})=>{sc({event:e,handlers:n.eventHandler})};function sc({event:e,handlers:n}){let t=!0;for(let r=0;t&&r<n.length;++r){t=!1;let i=n[r];if(jp(i))t=sc({event:e,handlers:i});else if(typeof i=="function")i({event:e,next:()=>{t=!0}});else if(typeof i=="object")e.code in i?i[e.code]({event:e,next:()=>{t=!0}}):t=!0;else throw new Ci("Invalid event handler.","jsonld.InvalidEventHandler",{event:e})}return t}var Mp=new Set(["empty object","free-floating scalar","invalid @language value","invalid property","null @id value","null @value value","object with only @id","object with only @language","object with only @list","object with only @value","relative @id reference","relative @type reference","relative @vocab reference","reserved @id value","reserved @reverse value","reserved term","blank node predicate","relative graph reference","relative object reference","relative predicate reference","relative subject reference","rdfDirection not set"]);ce.safeEventHandler=function({event:n,next:t}){if(n.level==="warning"&&Mp.has(n.code))throw new Ci("Safe mode validation error.","jsonld.ValidationError",{event:n});t()};ce.logEventHandler=function({event:n,next:t}){console.log(`EVENT: ${n.message}`,{event:n}),t()};ce.logWarningEventHandler=function({event:n,next:t}){n.level==="warning"&&console.warn(`WARNING: ${n.message}`,{event:n}),t()};ce.unhandledEventHandler=function({event:n}){throw new Ci("No handler for event.","jsonld.UnhandledEvent",{event:n})};ce.setDefaultEventHandler=function({eventHandler:e}={}){ce.defaultEventHandler=e?ic(e):null}});var rt=I((Tb,dc)=>{"use strict";var ac=ae(),D=oe(),{isArray:cc,isObject:nt,isString:re,isUndefined:Up}=ne(),{isAbsolute:St,isRelative:Cp,prependBase:Dn}=Fe(),{handleEvent:Gt}=Xt(),{REGEX_BCP47:Pp,REGEX_KEYWORD:Lr,asArray:lc,compareShortestLeast:Bp}=ae(),Nr=new Map,$p=1e4,B={};dc.exports=B;B.process=async({activeCtx:e,localCtx:n,options:t,propagate:r=!0,overrideProtected:i=!1,cycles:s=new Set})=>{if(nt(n)&&"@context"in n&&cc(n["@context"])&&(n=n["@context"]),lc(n).length===0)return e;let a=[],d=[({event:f,next:l})=>{a.push(f),l()}];t.eventHandler&&d.push(t.eventHandler);let c=t;t={...t,eventHandler:d};let u=await t.contextResolver.resolve({activeCtx:e,context:n,documentLoader:t.documentLoader,base:t.base});nt(u[0].document)&&typeof u[0].document["@propagate"]=="boolean"&&(r=u[0].document["@propagate"]);let h=e;!r&&!h.previousContext&&(h=h.clone(),h.previousContext=e);for(let f of u){let{document:l}=f;if(e=h,l===null){if(!i&&Object.keys(e.protected).length!==0)throw new D("Tried to nullify a context with protected terms outside of a term definition.","jsonld.SyntaxError",{code:"invalid context nullification"});h=e=B.getInitialContext(t).clone();continue}let p=f.getProcessed(e);if(p){if(c.eventHandler)for(let g of p.events)Gt({event:g,options:c});h=e=p.context;continue}if(nt(l)&&"@context"in l&&(l=l["@context"]),!nt(l))throw new D("Invalid JSON-LD syntax; @context must be an object.","jsonld.SyntaxError",{code:"invalid local context",context:l});h=h.clone();let y=new Map;if("@version"in l){if(l["@version"]!==1.1)throw new D("Unsupported JSON-LD version: "+l["@version"],"jsonld.UnsupportedVersion",{code:"invalid @version value",context:l});if(e.processingMode&&e.processingMode==="json-ld-1.0")throw new D("@version: "+l["@version"]+" not compatible with "+e.processingMode,"jsonld.ProcessingModeConflict",{code:"processing mode conflict",context:l});h.processingMode="json-ld-1.1",h["@version"]=l["@version"],y.set("@version",!0)}if(h.processingMode=h.processingMode||e.processingMode,"@base"in l){let g=l["@base"];if(!(g===null||St(g)))if(Cp(g))g=Dn(h["@base"],g);else throw new D('Invalid JSON-LD syntax; the value of "@base" in a @context must be an absolute IRI, a relative IRI, or null.',"jsonld.SyntaxError",{code:"invalid base IRI",context:l});h["@base"]=g,y.set("@base",!0)}if("@vocab"in l){let g=l["@vocab"];if(g===null)delete h["@vocab"];else if(re(g)){if(!St(g)&&B.processingMode(h,1))throw new D('Invalid JSON-LD syntax; the value of "@vocab" in a @context must be an absolute IRI.',"jsonld.SyntaxError",{code:"invalid vocab mapping",context:l});{let w=Zt(h,g,{vocab:!0,base:!0},void 0,void 0,t);St(w)||t.eventHandler&&Gt({event:{type:["JsonLdEvent"],code:"relative @vocab reference",level:"warning",message:"Relative @vocab reference found.",details:{vocab:w}},options:t}),h["@vocab"]=w}}else throw new D('Invalid JSON-LD syntax; the value of "@vocab" in a @context must be a string or null.',"jsonld.SyntaxError",{code:"invalid vocab mapping",context:l});y.set("@vocab",!0)}if("@language"in l){let g=l["@language"];if(g===null)delete h["@language"];else if(re(g))g.match(Pp)||t.eventHandler&&Gt({event:{type:["JsonLdEvent"],code:"invalid @language value",level:"warning",message:"@language value must be valid BCP47.",details:{language:g}},options:t}),h["@language"]=g.toLowerCase();else throw new D('Invalid JSON-LD syntax; the value of "@language" in a @context must be a string or null.',"jsonld.SyntaxError",{code:"invalid default language",context:l});y.set("@language",!0)}if("@direction"in l){let g=l["@direction"];if(e.processingMode==="json-ld-1.0")throw new D("Invalid JSON-LD syntax; @direction not compatible with "+e.processingMode,"jsonld.SyntaxError",{code:"invalid context member",context:l});if(g===null)delete h["@direction"];else{if(g!=="ltr"&&g!=="rtl")throw new D('Invalid JSON-LD syntax; the value of "@direction" in a @context must be null, "ltr", or "rtl".',"jsonld.SyntaxError",{code:"invalid base direction",context:l});h["@direction"]=g}y.set("@direction",!0)}if("@propagate"in l){let g=l["@propagate"];if(e.processingMode==="json-ld-1.0")throw new D("Invalid JSON-LD syntax; @propagate not compatible with "+e.processingMode,"jsonld.SyntaxError",{code:"invalid context entry",context:l});if(typeof g!="boolean")throw new D("Invalid JSON-LD syntax; @propagate value must be a boolean.","jsonld.SyntaxError",{code:"invalid @propagate value",context:n});y.set("@propagate",!0)}if("@import"in l){let g=l["@import"];if(e.processingMode==="json-ld-1.0")throw new D("Invalid JSON-LD syntax; @import not compatible with "+e.processingMode,"jsonld.SyntaxError",{code:"invalid context entry",context:l});if(!re(g))throw new D("Invalid JSON-LD syntax; @import must be a string.","jsonld.SyntaxError",{code:"invalid @import value",context:n});let w=await t.contextResolver.resolve({activeCtx:e,context:g,documentLoader:t.documentLoader,base:t.base});if(w.length!==1)throw new D("Invalid JSON-LD syntax; @import must reference a single context.","jsonld.SyntaxError",{code:"invalid remote context",context:n});let b=w[0].getProcessed(e);if(b)l=b;else{let v=w[0].document;if("@import"in v)throw new D("Invalid JSON-LD syntax: imported context must not include @import.","jsonld.SyntaxError",{code:"invalid context entry",context:n});for(let m in v)l.hasOwnProperty(m)||(l[m]=v[m]);w[0].setProcessed(e,l)}y.set("@import",!0)}y.set("@protected",l["@protected"]||!1);for(let g in l)if(B.createTermDefinition({activeCtx:h,localCtx:l,term:g,defined:y,options:t,overrideProtected:i}),nt(l[g])&&"@context"in l[g]){let w=l[g]["@context"],b=!0;if(re(w)){let v=Dn(t.base,w);s.has(v)?b=!1:s.add(v)}if(b)try{await B.process({activeCtx:h.clone(),localCtx:l[g]["@context"],overrideProtected:!0,options:t,cycles:s})}catch{throw new D("Invalid JSON-LD syntax; invalid scoped context.","jsonld.SyntaxError",{code:"invalid scoped context",context:l[g]["@context"],term:g})}}f.setProcessed(e,{context:h,events:a})}return h};B.createTermDefinition=({activeCtx:e,localCtx:n,term:t,defined:r,options:i,overrideProtected:s=!1})=>{if(r.has(t)){if(r.get(t))return;throw new D("Cyclical context definition detected.","jsonld.CyclicalContext",{code:"cyclic IRI mapping",context:n,term:t})}r.set(t,!1);let o;if(n.hasOwnProperty(t)&&(o=n[t]),t==="@type"&&nt(o)&&(o["@container"]||"@set")==="@set"&&B.processingMode(e,1.1)){let l=["@container","@id","@protected"],p=Object.keys(o);if(p.length===0||p.some(y=>!l.includes(y)))throw new D("Invalid JSON-LD syntax; keywords cannot be overridden.","jsonld.SyntaxError",{code:"keyword redefinition",context:n,term:t})}else{if(B.isKeyword(t))throw new D("Invalid JSON-LD syntax; keywords cannot be overridden.","jsonld.SyntaxError",{code:"keyword redefinition",context:n,term:t});if(t.match(Lr)){i.eventHandler&&Gt({event:{type:["JsonLdEvent"],code:"reserved term",level:"warning",message:'Terms beginning with "@" are reserved for future use and dropped.',details:{term:t}},options:i});return}else if(t==="")throw new D("Invalid JSON-LD syntax; a term cannot be an empty string.","jsonld.SyntaxError",{code:"invalid term definition",context:n})}let a=e.mappings.get(t);e.mappings.has(t)&&e.mappings.delete(t);let d=!1;if((re(o)||o===null)&&(d=!0,o={"@id":o}),!nt(o))throw new D("Invalid JSON-LD syntax; @context term values must be strings or objects.","jsonld.SyntaxError",{code:"invalid term definition",context:n});let c={};e.mappings.set(t,c),c.reverse=!1;let u=["@container","@id","@language","@reverse","@type"];B.processingMode(e,1.1)&&u.push("@context","@direction","@index","@nest","@prefix","@protected");for(let l in o)if(!u.includes(l))throw new D("Invalid JSON-LD syntax; a term definition must not contain "+l,"jsonld.SyntaxError",{code:"invalid term definition",context:n});let h=t.indexOf(":");if(c._termHasColon=h>0,"@reverse"in o){if("@id"in o)throw new D("Invalid JSON-LD syntax; a @reverse term definition must not contain @id.","jsonld.SyntaxError",{code:"invalid reverse property",context:n});if("@nest"in o)throw new D("Invalid JSON-LD syntax; a @reverse term definition must not contain @nest.","jsonld.SyntaxError",{code:"invalid reverse property",context:n});let l=o["@reverse"];if(!re(l))throw new D("Invalid JSON-LD syntax; a @context @reverse value must be a string.","jsonld.SyntaxError",{code:"invalid IRI mapping",context:n});if(l.match(Lr)){i.eventHandler&&Gt({event:{type:["JsonLdEvent"],code:"reserved @reverse value",level:"warning",message:'@reverse values beginning with "@" are reserved for future use and dropped.',details:{reverse:l}},options:i}),a?e.mappings.set(t,a):e.mappings.delete(t);return}let p=Zt(e,l,{vocab:!0,base:!1},n,r,i);if(!St(p))throw new D("Invalid JSON-LD syntax; a @context @reverse value must be an absolute IRI or a blank node identifier.","jsonld.SyntaxError",{code:"invalid IRI mapping",context:n});c["@id"]=p,c.reverse=!0}else if("@id"in o){let l=o["@id"];if(l&&!re(l))throw new D("Invalid JSON-LD syntax; a @context @id value must be an array of strings or a string.","jsonld.SyntaxError",{code:"invalid IRI mapping",context:n});if(l===null)c["@id"]=null;else if(!B.isKeyword(l)&&l.match(Lr)){i.eventHandler&&Gt({event:{type:["JsonLdEvent"],code:"reserved @id value",level:"warning",message:'@id values beginning with "@" are reserved for future use and dropped.',details:{id:l}},options:i}),a?e.mappings.set(t,a):e.mappings.delete(t);return}else if(l!==t){if(l=Zt(e,l,{vocab:!0,base:!1},n,r,i),!St(l)&&!B.isKeyword(l))throw new D("Invalid JSON-LD syntax; a @context @id value must be an absolute IRI, a blank node identifier, or a keyword.","jsonld.SyntaxError",{code:"invalid IRI mapping",context:n});if(t.match(/(?::[^:])|\//)){let p=new Map(r).set(t,!0);if(Zt(e,t,{vocab:!0,base:!1},n,p,i)!==l)throw new D("Invalid JSON-LD syntax; term in form of IRI must expand to definition.","jsonld.SyntaxError",{code:"invalid IRI mapping",context:n})}c["@id"]=l,c._prefix=d&&!c._termHasColon&&l.match(/[:\/\?#\[\]@]$/)!==null}}if(!("@id"in c))if(c._termHasColon){let l=t.substr(0,h);if(n.hasOwnProperty(l)&&B.createTermDefinition({activeCtx:e,localCtx:n,term:l,defined:r,options:i}),e.mappings.has(l)){let p=t.substr(h+1);c["@id"]=e.mappings.get(l)["@id"]+p}else c["@id"]=t}else if(t==="@type")c["@id"]=t;else{if(!("@vocab"in e))throw new D("Invalid JSON-LD syntax; @context terms must define an @id.","jsonld.SyntaxError",{code:"invalid IRI mapping",context:n,term:t});c["@id"]=e["@vocab"]+t}if((o["@protected"]===!0||r.get("@protected")===!0&&o["@protected"]!==!1)&&(e.protected[t]=!0,c.protected=!0),r.set(t,!0),"@type"in o){let l=o["@type"];if(!re(l))throw new D("Invalid JSON-LD syntax; an @context @type value must be a string.","jsonld.SyntaxError",{code:"invalid type mapping",context:n});if(l==="@json"||l==="@none"){if(B.processingMode(e,1))throw new D(`Invalid JSON-LD syntax; an @context @type value must not be "${l}" in JSON-LD 1.0 mode.`,"jsonld.SyntaxError",{code:"invalid type mapping",context:n})}else if(l!=="@id"&&l!=="@vocab"){if(l=Zt(e,l,{vocab:!0,base:!1},n,r,i),!St(l))throw new D("Invalid JSON-LD syntax; an @context @type value must be an absolute IRI.","jsonld.SyntaxError",{code:"invalid type mapping",context:n});if(l.indexOf("_:")===0)throw new D("Invalid JSON-LD syntax; an @context @type value must be an IRI, not a blank node identifier.","jsonld.SyntaxError",{code:"invalid type mapping",context:n})}c["@type"]=l}if("@container"in o){let l=re(o["@container"])?[o["@container"]]:o["@container"]||[],p=["@list","@set","@index","@language"],y=!0,g=l.includes("@set");if(B.processingMode(e,1.1)){if(p.push("@graph","@id","@type"),l.includes("@list")){if(l.length!==1)throw new D("Invalid JSON-LD syntax; @context @container with @list must have no other values","jsonld.SyntaxError",{code:"invalid container mapping",context:n})}else if(l.includes("@graph")){if(l.some(w=>w!=="@graph"&&w!=="@id"&&w!=="@index"&&w!=="@set"))throw new D("Invalid JSON-LD syntax; @context @container with @graph must have no other values other than @id, @index, and @set","jsonld.SyntaxError",{code:"invalid container mapping",context:n})}else y&=l.length<=(g?2:1);if(l.includes("@type")&&(c["@type"]=c["@type"]||"@id",!["@id","@vocab"].includes(c["@type"])))throw new D("Invalid JSON-LD syntax; container: @type requires @type to be @id or @vocab.","jsonld.SyntaxError",{code:"invalid type mapping",context:n})}else y&=!cc(o["@container"]),y&=l.length<=1;if(y&=l.every(w=>p.includes(w)),y&=!(g&&l.includes("@list")),!y)throw new D("Invalid JSON-LD syntax; @context @container value must be one of the following: "+p.join(", "),"jsonld.SyntaxError",{code:"invalid container mapping",context:n});if(c.reverse&&!l.every(w=>["@index","@set"].includes(w)))throw new D("Invalid JSON-LD syntax; @context @container value for a @reverse type definition must be @index or @set.","jsonld.SyntaxError",{code:"invalid reverse property",context:n});c["@container"]=l}if("@index"in o){if(!("@container"in o)||!c["@container"].includes("@index"))throw new D(`Invalid JSON-LD syntax; @index without @index in @container: "${o["@index"]}" on term "${t}".`,"jsonld.SyntaxError",{code:"invalid term definition",context:n});if(!re(o["@index"])||o["@index"].indexOf("@")===0)throw new D(`Invalid JSON-LD syntax; @index must expand to an IRI: "${o["@index"]}" on term "${t}".`,"jsonld.SyntaxError",{code:"invalid term definition",context:n});c["@index"]=o["@index"]}if("@context"in o&&(c["@context"]=o["@context"]),"@language"in o&&!("@type"in o)){let l=o["@language"];if(l!==null&&!re(l))throw new D("Invalid JSON-LD syntax; @context @language value must be a string or null.","jsonld.SyntaxError",{code:"invalid language mapping",context:n});l!==null&&(l=l.toLowerCase()),c["@language"]=l}if("@prefix"in o){if(t.match(/:|\//))throw new D("Invalid JSON-LD syntax; @context @prefix used on a compact IRI term","jsonld.SyntaxError",{code:"invalid term definition",context:n});if(B.isKeyword(c["@id"]))throw new D("Invalid JSON-LD syntax; keywords may not be used as prefixes","jsonld.SyntaxError",{code:"invalid term definition",context:n});if(typeof o["@prefix"]=="boolean")c._prefix=o["@prefix"]===!0;else throw new D("Invalid JSON-LD syntax; @context value for @prefix must be boolean","jsonld.SyntaxError",{code:"invalid @prefix value",context:n})}if("@direction"in o){let l=o["@direction"];if(l!==null&&l!=="ltr"&&l!=="rtl")throw new D('Invalid JSON-LD syntax; @direction value must be null, "ltr", or "rtl".',"jsonld.SyntaxError",{code:"invalid base direction",context:n});c["@direction"]=l}if("@nest"in o){let l=o["@nest"];if(!re(l)||l!=="@nest"&&l.indexOf("@")===0)throw new D("Invalid JSON-LD syntax; @context @nest value must be a string which is not a keyword other than @nest.","jsonld.SyntaxError",{code:"invalid @nest value",context:n});c["@nest"]=l}let f=c["@id"];if(f==="@context"||f==="@preserve")throw new D("Invalid JSON-LD syntax; @context and @preserve cannot be aliased.","jsonld.SyntaxError",{code:"invalid keyword alias",context:n});if(a&&a.protected&&!s&&(e.protected[t]=!0,c.protected=!0,!Pi(a,c)))throw new D("Invalid JSON-LD syntax; tried to redefine a protected term.","jsonld.SyntaxError",{code:"protected term redefinition",context:n,term:t})};B.expandIri=(e,n,t,r)=>Zt(e,n,t,void 0,void 0,r);function Zt(e,n,t,r,i,s){if(n===null||!re(n)||B.isKeyword(n))return n;if(n.match(Lr))return null;if(r&&r.hasOwnProperty(n)&&i.get(n)!==!0&&B.createTermDefinition({activeCtx:e,localCtx:r,term:n,defined:i,options:s}),t=t||{},t.vocab){let a=e.mappings.get(n);if(a===null)return null;if(nt(a)&&"@id"in a)return a["@id"]}let o=n.indexOf(":");if(o>0){let a=n.substr(0,o),d=n.substr(o+1);if(a==="_"||d.indexOf("//")===0)return n;r&&r.hasOwnProperty(a)&&B.createTermDefinition({activeCtx:e,localCtx:r,term:a,defined:i,options:s});let c=e.mappings.get(a);if(c&&c._prefix)return c["@id"]+d;if(St(n))return n}if(t.vocab&&"@vocab"in e)n=e["@vocab"]+n;else if(t.base){let a,d;"@base"in e?e["@base"]?(d=Dn(s.base,e["@base"]),a=Dn(d,n)):(d=e["@base"],a=n):(d=s.base,a=Dn(s.base,n)),n=a}return n}B.getInitialContext=e=>{let n=JSON.stringify({processingMode:e.processingMode}),t=Nr.get(n);if(t)return t;let r={processingMode:e.processingMode,mappings:new Map,inverse:null,getInverse:i,clone:a,revertToPreviousContext:d,protected:{}};return Nr.size===$p&&Nr.clear(),Nr.set(n,r),r;function i(){let c=this;if(c.inverse)return c.inverse;let u=c.inverse={},h=c.fastCurieMap={},f={},l=(c["@language"]||"@none").toLowerCase(),p=c["@direction"],y=c.mappings,g=[...y.keys()].sort(Bp);for(let w of g){let b=y.get(w);if(b===null)continue;let v=b["@container"]||"@none";if(v=[].concat(v).sort().join(""),b["@id"]===null)continue;let m=lc(b["@id"]);for(let x of m){let _=u[x],S=B.isKeyword(x);if(_)!S&&!b._termHasColon&&f[x].push(w);else if(u[x]=_={},!S&&!b._termHasColon){f[x]=[w];let T={iri:x,terms:f[x]};x[0]in h?h[x[0]].push(T):h[x[0]]=[T]}if(_[v]||(_[v]={"@language":{},"@type":{},"@any":{}}),_=_[v],o(w,_["@any"],"@none"),b.reverse)o(w,_["@type"],"@reverse");else if(b["@type"]==="@none")o(w,_["@any"],"@none"),o(w,_["@language"],"@none"),o(w,_["@type"],"@none");else if("@type"in b)o(w,_["@type"],b["@type"]);else if("@language"in b&&"@direction"in b){let T=b["@language"],A=b["@direction"];T&&A?o(w,_["@language"],`${T}_${A}`.toLowerCase()):T?o(w,_["@language"],T.toLowerCase()):A?o(w,_["@language"],`_${A}`):o(w,_["@language"],"@null")}else"@language"in b?o(w,_["@language"],(b["@language"]||"@null").toLowerCase()):"@direction"in b?b["@direction"]?o(w,_["@language"],`_${b["@direction"]}`):o(w,_["@language"],"@none"):p?(o(w,_["@language"],`_${p}`),o(w,_["@language"],"@none"),o(w,_["@type"],"@none")):(o(w,_["@language"],l),o(w,_["@language"],"@none"),o(w,_["@type"],"@none"))}}for(let w in h)s(h,w,1);return u}function s(c,u,h){let f=c[u],l=c[u]={},p,y;for(let g of f)p=g.iri,h>=p.length?y="":y=p[h],y in l?l[y].push(g):l[y]=[g];for(let g in l)g!==""&&s(l,g,h+1)}function o(c,u,h){u.hasOwnProperty(h)||(u[h]=c)}function a(){let c={};return c.mappings=ac.clone(this.mappings),c.clone=this.clone,c.inverse=null,c.getInverse=this.getInverse,c.protected=ac.clone(this.protected),this.previousContext&&(c.previousContext=this.previousContext.clone()),c.revertToPreviousContext=this.revertToPreviousContext,"@base"in this&&(c["@base"]=this["@base"]),"@language"in this&&(c["@language"]=this["@language"]),"@vocab"in this&&(c["@vocab"]=this["@vocab"]),c}function d(){return this.previousContext?this.previousContext.clone():this}};B.getContextValue=(e,n,t)=>{if(n===null)return t==="@context"?void 0:null;if(e.mappings.has(n)){let r=e.mappings.get(n);if(Up(t))return r;if(r.hasOwnProperty(t))return r[t]}if(t==="@language"&&t in e||t==="@direction"&&t in e)return e[t];if(t!=="@context")return null};B.processingMode=(e,n)=>n.toString()>="1.1"?!e.processingMode||e.processingMode>="json-ld-"+n.toString():e.processingMode==="json-ld-1.0";B.isKeyword=e=>{if(!re(e)||e[0]!=="@")return!1;switch(e){case"@base":case"@container":case"@context":case"@default":case"@direction":case"@embed":case"@explicit":case"@graph":case"@id":case"@included":case"@index":case"@json":case"@language":case"@list":case"@nest":case"@none":case"@omitDefault":case"@prefix":case"@preserve":case"@protected":case"@requireAll":case"@reverse":case"@set":case"@type":case"@value":case"@version":case"@vocab":return!0}return!1};function Pi(e,n){if(!(e&&typeof e=="object")||!(n&&typeof n=="object"))return e===n;let t=Array.isArray(e);if(t!==Array.isArray(n))return!1;if(t){if(e.length!==n.length)return!1;for(let s=0;s<e.length;++s)if(!Pi(e[s],n[s]))return!1;return!0}let r=Object.keys(e),i=Object.keys(n);if(r.length!==i.length)return!1;for(let s in e){let o=e[s],a=n[s];if(s==="@container"&&Array.isArray(o)&&Array.isArray(a)&&(o=o.slice().sort(),a=a.slice().sort()),!Pi(o,a))return!1}return!0}});var yc=I((Ab,gc)=>{"use strict";var $=oe(),{isArray:we,isObject:ge,isEmptyObject:zi,isString:W,isUndefined:Ur}=ne(),{isList:Bi,isValue:qi,isGraph:zp,isSubject:qp}=Te(),{expandIri:V,getContextValue:de,isKeyword:Vi,process:Rn,processingMode:jr}=rt(),{isAbsolute:Mr}=Fe(),{REGEX_BCP47:uc,REGEX_KEYWORD:Vp,addValue:le,asArray:Se,getValues:Fp,validateTypeValue:Hp}=ae(),{handleEvent:ye}=Xt(),it={};gc.exports=it;it.expand=async({activeCtx:e,activeProperty:n=null,element:t,options:r={},insideList:i=!1,insideIndex:s=!1,typeScopedContext:o=null})=>{if(t==null)return null;if(n==="@default"&&(r=Object.assign({},r,{isFrame:!1})),!we(t)&&!ge(t))return!i&&(n===null||V(e,n,{vocab:!0},r)==="@graph")?(r.eventHandler&&ye({event:{type:["JsonLdEvent"],code:"free-floating scalar",level:"warning",message:"Dropping free-floating scalar not in a list.",details:{value:t}},options:r}),null):hc({activeCtx:e,activeProperty:n,value:t,options:r});if(we(t)){let p=[],y=de(e,n,"@container")||[];i=i||y.includes("@list");for(let g=0;g<t.length;++g){let w=await it.expand({activeCtx:e,activeProperty:n,element:t[g],options:r,insideIndex:s,typeScopedContext:o});i&&we(w)&&(w={"@list":w}),w!==null&&(we(w)?p=p.concat(w):p.push(w))}return p}let a=V(e,n,{vocab:!0},r),d=de(e,n,"@context");o=o||(e.previousContext?e:null);let c=Object.keys(t).sort(),u=!s;if(u&&o&&c.length<=2&&!c.includes("@context"))for(let p of c){let y=V(o,p,{vocab:!0},r);if(y==="@value"){u=!1,e=o;break}if(y==="@id"&&c.length===1){u=!1;break}}u&&(e=e.revertToPreviousContext()),Ur(d)||(e=await Rn({activeCtx:e,localCtx:d,propagate:!0,overrideProtected:!0,options:r})),"@context"in t&&(e=await Rn({activeCtx:e,localCtx:t["@context"],options:r})),o=e;let h=null;for(let p of c)if(V(e,p,{vocab:!0},r)==="@type"){h=h||p;let g=t[p],w=Array.isArray(g)?g.length>1?g.slice().sort():g:[g];for(let b of w){let v=de(o,b,"@context");Ur(v)||(e=await Rn({activeCtx:e,localCtx:v,options:r,propagate:!1}))}}let f={};await pc({activeCtx:e,activeProperty:n,expandedActiveProperty:a,element:t,expandedParent:f,options:r,insideList:i,typeKey:h,typeScopedContext:o}),c=Object.keys(f);let l=c.length;if("@value"in f){if("@type"in f&&("@language"in f||"@direction"in f))throw new $('Invalid JSON-LD syntax; an element containing "@value" may not contain both "@type" and either "@language" or "@direction".',"jsonld.SyntaxError",{code:"invalid value object",element:f});let p=l-1;if("@type"in f&&(p-=1),"@index"in f&&(p-=1),"@language"in f&&(p-=1),"@direction"in f&&(p-=1),p!==0)throw new $('Invalid JSON-LD syntax; an element containing "@value" may only have an "@index" property and either "@type" or either or both "@language" or "@direction".',"jsonld.SyntaxError",{code:"invalid value object",element:f});let y=f["@value"]===null?[]:Se(f["@value"]),g=Fp(f,"@type");if(!(jr(e,1.1)&&g.includes("@json")&&g.length===1))if(y.length===0)r.eventHandler&&ye({event:{type:["JsonLdEvent"],code:"null @value value",level:"warning",message:"Dropping null @value value.",details:{value:f}},options:r}),f=null;else{if(!y.every(w=>W(w)||zi(w))&&"@language"in f)throw new $("Invalid JSON-LD syntax; only strings may be language-tagged.","jsonld.SyntaxError",{code:"invalid language-tagged value",element:f});if(!g.every(w=>Mr(w)&&!(W(w)&&w.indexOf("_:")===0)||zi(w)))throw new $('Invalid JSON-LD syntax; an element containing "@value" and "@type" must have an absolute IRI for the value of "@type".',"jsonld.SyntaxError",{code:"invalid typed value",element:f})}}else if("@type"in f&&!we(f["@type"]))f["@type"]=[f["@type"]];else if("@set"in f||"@list"in f){if(l>1&&!(l===2&&"@index"in f))throw new $('Invalid JSON-LD syntax; if an element has the property "@set" or "@list", then it can have at most one other property that is "@index".',"jsonld.SyntaxError",{code:"invalid set or list object",element:f});"@set"in f&&(f=f["@set"],c=Object.keys(f),l=c.length)}else l===1&&"@language"in f&&(r.eventHandler&&ye({event:{type:["JsonLdEvent"],code:"object with only @language",level:"warning",message:"Dropping object with only @language.",details:{value:f}},options:r}),f=null);return ge(f)&&!r.keepFreeFloatingNodes&&!i&&(n===null||a==="@graph"||(de(e,n,"@container")||[]).includes("@graph"))&&(f=fc({value:f,count:l,options:r})),f};function fc({value:e,count:n,options:t}){if(n===0||"@value"in e||"@list"in e||n===1&&"@id"in e){if(t.eventHandler){let r,i;n===0?(r="empty object",i="Dropping empty object."):"@value"in e?(r="object with only @value",i="Dropping object with only @value."):"@list"in e?(r="object with only @list",i="Dropping object with only @list."):n===1&&"@id"in e&&(r="object with only @id",i="Dropping object with only @id."),ye({event:{type:["JsonLdEvent"],code:r,level:"warning",message:i,details:{value:e}},options:t})}return null}return e}async function pc({activeCtx:e,activeProperty:n,expandedActiveProperty:t,element:r,expandedParent:i,options:s={},insideList:o,typeKey:a,typeScopedContext:d}){let c=Object.keys(r).sort(),u=[],h,f=r[a]&&V(e,we(r[a])?r[a][0]:r[a],{vocab:!0},{...s,typeExpansion:!0})==="@json";for(let l of c){let p=r[l],y;if(l==="@context")continue;let g=V(e,l,{vocab:!0},s);if(g===null||!(Mr(g)||Vi(g))){s.eventHandler&&ye({event:{type:["JsonLdEvent"],code:"invalid property",level:"warning",message:"Dropping property that did not expand into an absolute IRI or keyword.",details:{property:l,expandedProperty:g}},options:s});continue}if(Vi(g)){if(t==="@reverse")throw new $("Invalid JSON-LD syntax; a keyword cannot be used as a @reverse property.","jsonld.SyntaxError",{code:"invalid reverse property map",value:p});if(g in i&&g!=="@included"&&g!=="@type")throw new $("Invalid JSON-LD syntax; colliding keywords detected.","jsonld.SyntaxError",{code:"colliding keywords",keyword:g})}if(g==="@id"){if(!W(p)){if(!s.isFrame)throw new $('Invalid JSON-LD syntax; "@id" value must a string.',"jsonld.SyntaxError",{code:"invalid @id value",value:p});if(ge(p)){if(!zi(p))throw new $('Invalid JSON-LD syntax; "@id" value an empty object or array of strings, if framing',"jsonld.SyntaxError",{code:"invalid @id value",value:p})}else if(we(p)){if(!p.every(m=>W(m)))throw new $('Invalid JSON-LD syntax; "@id" value an empty object or array of strings, if framing',"jsonld.SyntaxError",{code:"invalid @id value",value:p})}else throw new $('Invalid JSON-LD syntax; "@id" value an empty object or array of strings, if framing',"jsonld.SyntaxError",{code:"invalid @id value",value:p})}le(i,"@id",Se(p).map(m=>{if(W(m)){let x=V(e,m,{base:!0},s);return s.eventHandler&&(x===null?ye(m===null?{event:{type:["JsonLdEvent"],code:"null @id value",level:"warning",message:"Null @id found.",details:{id:m}},options:s}:{event:{type:["JsonLdEvent"],code:"reserved @id value",level:"warning",message:"Reserved @id found.",details:{id:m}},options:s}):Mr(x)||ye({event:{type:["JsonLdEvent"],code:"relative @id reference",level:"warning",message:"Relative @id reference found.",details:{id:m,expandedId:x}},options:s})),x}return m}),{propertyIsArray:s.isFrame});continue}if(g==="@type"){ge(p)&&(p=Object.fromEntries(Object.entries(p).map(([m,x])=>[V(d,m,{vocab:!0}),Se(x).map(_=>V(d,_,{base:!0,vocab:!0},{...s,typeExpansion:!0}))]))),Hp(p,s.isFrame),le(i,"@type",Se(p).map(m=>{if(W(m)){let x=V(d,m,{base:!0,vocab:!0},{...s,typeExpansion:!0});return x!=="@json"&&!Mr(x)&&s.eventHandler&&ye({event:{type:["JsonLdEvent"],code:"relative @type reference",level:"warning",message:"Relative @type reference found.",details:{type:m}},options:s}),x}return m}),{propertyIsArray:!!s.isFrame});continue}if(g==="@included"&&jr(e,1.1)){let m=Se(await it.expand({activeCtx:e,activeProperty:n,element:p,options:s}));if(!m.every(x=>qp(x)))throw new $("Invalid JSON-LD syntax; values of @included must expand to node objects.","jsonld.SyntaxError",{code:"invalid @included value",value:p});le(i,"@included",m,{propertyIsArray:!0});continue}if(g==="@graph"&&!(ge(p)||we(p)))throw new $('Invalid JSON-LD syntax; "@graph" value must not be an object or an array.',"jsonld.SyntaxError",{code:"invalid @graph value",value:p});if(g==="@value"){h=p,f&&jr(e,1.1)?i["@value"]=p:le(i,"@value",p,{propertyIsArray:s.isFrame});continue}if(g==="@language"){if(p===null)continue;if(!W(p)&&!s.isFrame)throw new $('Invalid JSON-LD syntax; "@language" value must be a string.',"jsonld.SyntaxError",{code:"invalid language-tagged string",value:p});p=Se(p).map(m=>W(m)?m.toLowerCase():m);for(let m of p)W(m)&&!m.match(uc)&&s.eventHandler&&ye({event:{type:["JsonLdEvent"],code:"invalid @language value",level:"warning",message:"@language value must be valid BCP47.",details:{language:m}},options:s});le(i,"@language",p,{propertyIsArray:s.isFrame});continue}if(g==="@direction"){if(!W(p)&&!s.isFrame)throw new $('Invalid JSON-LD syntax; "@direction" value must be a string.',"jsonld.SyntaxError",{code:"invalid base direction",value:p});p=Se(p);for(let m of p)if(W(m)&&m!=="ltr"&&m!=="rtl")throw new $('Invalid JSON-LD syntax; "@direction" must be "ltr" or "rtl".',"jsonld.SyntaxError",{code:"invalid base direction",value:p});le(i,"@direction",p,{propertyIsArray:s.isFrame});continue}if(g==="@index"){if(!W(p))throw new $('Invalid JSON-LD syntax; "@index" value must be a string.',"jsonld.SyntaxError",{code:"invalid @index value",value:p});le(i,"@index",p);continue}if(g==="@reverse"){if(!ge(p))throw new $('Invalid JSON-LD syntax; "@reverse" value must be an object.',"jsonld.SyntaxError",{code:"invalid @reverse value",value:p});if(y=await it.expand({activeCtx:e,activeProperty:"@reverse",element:p,options:s}),"@reverse"in y)for(let x in y["@reverse"])le(i,x,y["@reverse"][x],{propertyIsArray:!0});let m=i["@reverse"]||null;for(let x in y){if(x==="@reverse")continue;m===null&&(m=i["@reverse"]={}),le(m,x,[],{propertyIsArray:!0});let _=y[x];for(let S=0;S<_.length;++S){let T=_[S];if(qi(T)||Bi(T))throw new $('Invalid JSON-LD syntax; "@reverse" value must not be a @value or an @list.',"jsonld.SyntaxError",{code:"invalid reverse property value",value:y});le(m,x,T,{propertyIsArray:!0})}}continue}if(g==="@nest"){u.push(l);continue}let w=e,b=de(e,l,"@context");Ur(b)||(w=await Rn({activeCtx:e,localCtx:b,propagate:!0,overrideProtected:!0,options:s}));let v=de(e,l,"@container")||[];if(v.includes("@language")&&ge(p)){let m=de(w,l,"@direction");y=Kp(w,p,m,s)}else if(v.includes("@index")&&ge(p)){let m=v.includes("@graph"),x=de(w,l,"@index")||"@index",_=x!=="@index"&&V(e,x,{vocab:!0},s);y=await $i({activeCtx:w,options:s,activeProperty:l,value:p,asGraph:m,indexKey:x,propertyIndex:_})}else if(v.includes("@id")&&ge(p)){let m=v.includes("@graph");y=await $i({activeCtx:w,options:s,activeProperty:l,value:p,asGraph:m,indexKey:"@id"})}else if(v.includes("@type")&&ge(p))y=await $i({activeCtx:w.revertToPreviousContext(),options:s,activeProperty:l,value:p,asGraph:!1,indexKey:"@type"});else{let m=g==="@list";if(m||g==="@set"){let x=n;m&&t==="@graph"&&(x=null),y=await it.expand({activeCtx:w,activeProperty:x,element:p,options:s,insideList:m})}else de(e,l,"@type")==="@json"?y={"@type":"@json","@value":p}:y=await it.expand({activeCtx:w,activeProperty:l,element:p,options:s,insideList:!1})}if(!(y===null&&g!=="@value")){if(g!=="@list"&&!Bi(y)&&v.includes("@list")&&(y={"@list":Se(y)}),v.includes("@graph")&&!v.some(m=>m==="@id"||m==="@index")){if(y=Se(y),s.isFrame||(y=y.filter(m=>{let x=Object.keys(m).length;return fc({value:m,count:x,options:s})!==null})),y.length===0)continue;y=y.map(m=>({"@graph":Se(m)}))}if(w.mappings.has(l)&&w.mappings.get(l).reverse){let m=i["@reverse"]=i["@reverse"]||{};y=Se(y);for(let x=0;x<y.length;++x){let _=y[x];if(qi(_)||Bi(_))throw new $('Invalid JSON-LD syntax; "@reverse" value must not be a @value or an @list.',"jsonld.SyntaxError",{code:"invalid reverse property value",value:y});le(m,g,_,{propertyIsArray:!0})}continue}le(i,g,y,{propertyIsArray:!0})}}if("@value"in i&&!(i["@type"]==="@json"&&jr(e,1.1))){if((ge(h)||we(h))&&!s.isFrame)throw new $('Invalid JSON-LD syntax; "@value" value must not be an object or an array.',"jsonld.SyntaxError",{code:"invalid value object value",value:h})}for(let l of u){let p=we(r[l])?r[l]:[r[l]];for(let y of p){if(!ge(y)||Object.keys(y).some(g=>V(e,g,{vocab:!0},s)==="@value"))throw new $("Invalid JSON-LD syntax; nested value must be a node object.","jsonld.SyntaxError",{code:"invalid @nest value",value:y});await pc({activeCtx:e,activeProperty:n,expandedActiveProperty:t,element:y,expandedParent:i,options:s,insideList:o,typeScopedContext:d,typeKey:a})}}}function hc({activeCtx:e,activeProperty:n,value:t,options:r}){if(t==null)return null;let i=V(e,n,{vocab:!0},r);if(i==="@id")return V(e,t,{base:!0},r);if(i==="@type")return V(e,t,{vocab:!0,base:!0},{...r,typeExpansion:!0});let s=de(e,n,"@type");if((s==="@id"||i==="@graph")&&W(t)){let a=V(e,t,{base:!0},r);return a===null&&t.match(Vp)&&r.eventHandler&&ye({event:{type:["JsonLdEvent"],code:"reserved @id value",level:"warning",message:"Reserved @id found.",details:{id:n}},options:r}),{"@id":a}}if(s==="@vocab"&&W(t))return{"@id":V(e,t,{vocab:!0,base:!0},r)};if(Vi(i))return t;let o={};if(s&&!["@id","@vocab","@none"].includes(s))o["@type"]=s;else if(W(t)){let a=de(e,n,"@language");a!==null&&(o["@language"]=a);let d=de(e,n,"@direction");d!==null&&(o["@direction"]=d)}return["boolean","number","string"].includes(typeof t)||(t=t.toString()),o["@value"]=t,o}function Kp(e,n,t,r){let i=[],s=Object.keys(n).sort();for(let o of s){let a=V(e,o,{vocab:!0},r),d=n[o];we(d)||(d=[d]);for(let c of d){if(c===null)continue;if(!W(c))throw new $("Invalid JSON-LD syntax; language map values must be strings.","jsonld.SyntaxError",{code:"invalid language map value",languageMap:n});let u={"@value":c};a!=="@none"&&(o.match(uc)||r.eventHandler&&ye({event:{type:["JsonLdEvent"],code:"invalid @language value",level:"warning",message:"@language value must be valid BCP47.",details:{language:o}},options:r}),u["@language"]=o.toLowerCase()),t&&(u["@direction"]=t),i.push(u)}}return i}async function $i({activeCtx:e,options:n,activeProperty:t,value:r,asGraph:i,indexKey:s,propertyIndex:o}){let a=[],d=Object.keys(r).sort(),c=s==="@type";for(let u of d){if(c){let l=de(e,u,"@context");Ur(l)||(e=await Rn({activeCtx:e,localCtx:l,propagate:!1,options:n}))}let h=r[u];we(h)||(h=[h]),h=await it.expand({activeCtx:e,activeProperty:t,element:h,options:n,insideList:!1,insideIndex:!0});let f;o?u==="@none"?f="@none":f=hc({activeCtx:e,activeProperty:s,value:u,options:n}):f=V(e,u,{vocab:!0},n),s==="@id"?u=V(e,u,{base:!0},n):c&&(u=f);for(let l of h){if(i&&!zp(l)&&(l={"@graph":[l]}),s==="@type")f==="@none"||(l["@type"]?l["@type"]=[u].concat(l["@type"]):l["@type"]=[u]);else{if(qi(l)&&!["@language","@type","@index"].includes(s))throw new $(`Invalid JSON-LD syntax; Attempt to add illegal key to value object: "${s}".`,"jsonld.SyntaxError",{code:"invalid value object",value:l});o?f!=="@none"&&le(l,o,f,{propertyIsArray:!0,prependValue:!0}):f!=="@none"&&!(s in l)&&(l[s]=u)}a.push(l)}}return a}});var On=I((kb,mc)=>{"use strict";var{isKeyword:wc}=rt(),Ae=Te(),Fi=ne(),ke=ae(),Jp=oe(),Q={};mc.exports=Q;Q.createMergedNodeMap=(e,n)=>{n=n||{};let t=n.issuer||new ke.IdentifierIssuer("_:b"),r={"@default":{}};return Q.createNodeMap(e,r,"@default",t),Q.mergeNodeMaps(r)};Q.createNodeMap=(e,n,t,r,i,s)=>{if(Fi.isArray(e)){for(let c of e)Q.createNodeMap(c,n,t,r,void 0,s);return}if(!Fi.isObject(e)){s&&s.push(e);return}if(Ae.isValue(e)){if("@type"in e){let c=e["@type"];c.indexOf("_:")===0&&(e["@type"]=c=r.getId(c))}s&&s.push(e);return}else if(s&&Ae.isList(e)){let c=[];Q.createNodeMap(e["@list"],n,t,r,i,c),s.push({"@list":c});return}if("@type"in e){let c=e["@type"];for(let u of c)u.indexOf("_:")===0&&r.getId(u)}Fi.isUndefined(i)&&(i=Ae.isBlankNode(e)?r.getId(e["@id"]):e["@id"]),s&&s.push({"@id":i});let o=n[t],a=o[i]=o[i]||{};a["@id"]=i;let d=Object.keys(e).sort();for(let c of d){if(c==="@id")continue;if(c==="@reverse"){let h={"@id":i},f=e["@reverse"];for(let l in f){let p=f[l];for(let y of p){let g=y["@id"];Ae.isBlankNode(y)&&(g=r.getId(g)),Q.createNodeMap(y,n,t,r,g),ke.addValue(o[g],l,h,{propertyIsArray:!0,allowDuplicate:!1})}}continue}if(c==="@graph"){i in n||(n[i]={}),Q.createNodeMap(e[c],n,i,r);continue}if(c==="@included"){Q.createNodeMap(e[c],n,t,r);continue}if(c!=="@type"&&wc(c)){if(c==="@index"&&c in a&&(e[c]!==a[c]||e[c]["@id"]!==a[c]["@id"]))throw new Jp("Invalid JSON-LD syntax; conflicting @index property detected.","jsonld.SyntaxError",{code:"conflicting indexes",subject:a});a[c]=e[c];continue}let u=e[c];if(c.indexOf("_:")===0&&(c=r.getId(c)),u.length===0){ke.addValue(a,c,[],{propertyIsArray:!0});continue}for(let h of u)if(c==="@type"&&(h=h.indexOf("_:")===0?r.getId(h):h),Ae.isSubject(h)||Ae.isSubjectReference(h)){if("@id"in h&&!h["@id"])continue;let f=Ae.isBlankNode(h)?r.getId(h["@id"]):h["@id"];ke.addValue(a,c,{"@id":f},{propertyIsArray:!0,allowDuplicate:!1}),Q.createNodeMap(h,n,t,r,f)}else if(Ae.isValue(h))ke.addValue(a,c,h,{propertyIsArray:!0,allowDuplicate:!1});else if(Ae.isList(h)){let f=[];Q.createNodeMap(h["@list"],n,t,r,i,f),h={"@list":f},ke.addValue(a,c,h,{propertyIsArray:!0,allowDuplicate:!1})}else Q.createNodeMap(h,n,t,r,i),ke.addValue(a,c,h,{propertyIsArray:!0,allowDuplicate:!1})}};Q.mergeNodeMapGraphs=e=>{let n={};for(let t of Object.keys(e).sort())for(let r of Object.keys(e[t]).sort()){let i=e[t][r];r in n||(n[r]={"@id":r});let s=n[r];for(let o of Object.keys(i).sort())if(wc(o)&&o!=="@type")s[o]=ke.clone(i[o]);else for(let a of i[o])ke.addValue(s,o,ke.clone(a),{propertyIsArray:!0,allowDuplicate:!1})}return n};Q.mergeNodeMaps=e=>{let n=e["@default"],t=Object.keys(e).sort();for(let r of t){if(r==="@default")continue;let i=e[r],s=n[r];s?"@graph"in s||(s["@graph"]=[]):n[r]=s={"@id":r,"@graph":[]};let o=s["@graph"];for(let a of Object.keys(i).sort()){let d=i[a];Ae.isSubjectReference(d)||o.push(d)}}return n}});var _c=I((Db,vc)=>{"use strict";var{isSubjectReference:Xp}=Te(),{createMergedNodeMap:Zp}=On(),bc={};vc.exports=bc;bc.flatten=e=>{let n=Zp(e),t=[],r=Object.keys(n).sort();for(let i=0;i<r.length;++i){let s=n[r[i]];Xp(s)||t.push(s)}return t}});var kc=I((Rb,Ac)=>{"use strict";var Zi=oe(),Hi=Te(),Yt=ne(),{REGEX_BCP47:xc,addValue:Ec}=ae(),{handleEvent:Sc}=Xt(),{RDF_LIST:Gp,RDF_FIRST:Ki,RDF_REST:Ji,RDF_NIL:Xi,RDF_TYPE:Yp,RDF_JSON_LITERAL:Wp,XSD_BOOLEAN:Qp,XSD_DOUBLE:eh,XSD_INTEGER:th,XSD_STRING:Ic}=kr(),Tc={};Ac.exports=Tc;Tc.fromRDF=async(e,n)=>{let{useRdfType:t=!1,useNativeTypes:r=!1,rdfDirection:i=null}=n,s={},o={"@default":s},a={};if(i){if(i==="compound-literal")throw new Zi("Unsupported rdfDirection value.","jsonld.InvalidRdfDirection",{value:i});if(i!=="i18n-datatype")throw new Zi("Unknown rdfDirection value.","jsonld.InvalidRdfDirection",{value:i})}for(let u of e){let h=u.graph.termType==="DefaultGraph"?"@default":u.graph.value;h in o||(o[h]={}),h!=="@default"&&!(h in s)&&(s[h]={"@id":h});let f=o[h],l=Gi(u.subject),p=u.predicate.value,y=u.object;l in f||(f[l]={"@id":l});let g=f[l],w=Gi(y),b=!!w;if(b&&!(w in f)&&(f[w]={"@id":w}),p===Yp&&!t&&b){Ec(g,"@type",w,{propertyIsArray:!0});continue}let v=nh(y,r,i,n);if(Ec(g,p,v,{propertyIsArray:!0}),b)if(w===Xi){let m=f[w];"usages"in m||(m.usages=[]),m.usages.push({node:g,property:p,value:v})}else w in a?a[w]=!1:a[w]={node:g,property:p,value:v}}for(let u in o){let h=o[u];if(!(Xi in h))continue;let f=h[Xi];if(f.usages){for(let l of f.usages){let p=l.node,y=l.property,g=l.value,w=[],b=[],v=Object.keys(p).length;for(;y===Ji&&Yt.isObject(a[p["@id"]])&&Yt.isArray(p[Ki])&&p[Ki].length===1&&Yt.isArray(p[Ji])&&p[Ji].length===1&&(v===3||v===4&&Yt.isArray(p["@type"])&&p["@type"].length===1&&p["@type"][0]===Gp)&&(w.push(p[Ki][0]),b.push(p["@id"]),l=a[p["@id"]],p=l.node,y=l.property,g=l.value,v=Object.keys(p).length,!!Hi.isBlankNode(p)););delete g["@id"],g["@list"]=w.reverse();for(let m of b)delete h[m]}delete f.usages}}let d=[],c=Object.keys(s).sort();for(let u of c){let h=s[u];if(u in o){let f=h["@graph"]=[],l=o[u],p=Object.keys(l).sort();for(let y of p){let g=l[y];Hi.isSubjectReference(g)||f.push(g)}}Hi.isSubjectReference(h)||d.push(h)}return d};function nh(e,n,t,r){let i=Gi(e);if(i)return{"@id":i};let s={"@value":e.value};if(e.language)e.language.match(xc)||r.eventHandler&&Sc({event:{type:["JsonLdEvent"],code:"invalid @language value",level:"warning",message:"@language value must be valid BCP47.",details:{language:e.language}},options:r}),s["@language"]=e.language;else{let o=e.datatype.value;if(o||(o=Ic),o===Wp){o="@json";try{s["@value"]=JSON.parse(s["@value"])}catch(a){throw new Zi("JSON literal could not be parsed.","jsonld.InvalidJsonLiteral",{code:"invalid JSON literal",value:s["@value"],cause:a})}}if(n)if(o===Qp)s["@value"]==="true"||s["@value"]==="1"?s["@value"]=!0:s["@value"]==="false"||s["@value"]==="0"?s["@value"]=!1:s["@type"]=o;else if(o===th)if(Yt.isNumeric(s["@value"])){let a=parseInt(s["@value"],10);a.toFixed(0)===s["@value"]&&(s["@value"]=a)}else s["@type"]=o;else o===eh&&Yt.isNumeric(s["@value"])?s["@value"]=parseFloat(s["@value"]):s["@type"]=o;else if(t==="i18n-datatype"&&o.startsWith("https://www.w3.org/ns/i18n#")){let[,a,d]=o.split(/[#_]/);a.length>0&&(s["@language"]=a,a.match(xc)||r.eventHandler&&Sc({event:{type:["JsonLdEvent"],code:"invalid @language value",level:"warning",message:"@language value must be valid BCP47.",details:{language:a}},options:r})),s["@direction"]=d}else o!==Ic&&(s["@type"]=o)}return s}function Gi(e){return e.termType==="NamedNode"?e.value:e.termType==="BlankNode"?"_:"+e.value:null}});var Yi=I((Ob,Dc)=>{"use strict";Dc.exports=function e(n){if(typeof n=="number"&&isNaN(n))throw new Error("NaN is not allowed");if(typeof n=="number"&&!isFinite(n))throw new Error("Infinity is not allowed");return n===null||typeof n!="object"?JSON.stringify(n):n.toJSON instanceof Function?e(n.toJSON()):Array.isArray(n)?`[${n.reduce((i,s,o)=>`${i}${o===0?"":","}${e(s===void 0||typeof s=="symbol"?null:s)}`,"")}]`:`{${Object.keys(n).sort().reduce((r,i)=>{if(n[i]===void 0||typeof n[i]=="symbol")return r;let s=r.length===0?"":",";return`${r}${s}${e(i)}:${e(n[i])}`},"")}}`}});var Mc=I((Nb,jc)=>{"use strict";var{createNodeMap:rh}=On(),{isKeyword:ih}=rt(),Rc=Te(),sh=Yi(),Oc=oe(),Nn=ne(),oh=ae(),{handleEvent:It}=Xt(),{RDF_FIRST:ah,RDF_REST:ch,RDF_NIL:lh,RDF_TYPE:dh,RDF_JSON_LITERAL:uh,RDF_LANGSTRING:fh,XSD_BOOLEAN:ph,XSD_DOUBLE:Nc,XSD_INTEGER:hh,XSD_STRING:gh}=kr(),{isAbsolute:Cr}=Fe(),Lc={};jc.exports=Lc;Lc.toRDF=(e,n)=>{let t=new oh.IdentifierIssuer("_:b"),r={"@default":{}};rh(e,r,"@default",t);let i=[],s=Object.keys(r).sort();for(let o of s){let a;if(o==="@default")a={termType:"DefaultGraph",value:""};else if(Cr(o))a=Pr(o);else{n.eventHandler&&It({event:{type:["JsonLdEvent"],code:"relative graph reference",level:"warning",message:"Relative graph reference found.",details:{graph:o}},options:n});continue}yh(i,r[o],a,t,n)}return i};function yh(e,n,t,r,i){let s=Object.keys(n).sort();for(let o of s){let a=n[o],d=Object.keys(a).sort();for(let c of d){let u=a[c];if(c==="@type")c=dh;else if(ih(c))continue;for(let h of u){let f=Pr(o);if(!Cr(o)){i.eventHandler&&It({event:{type:["JsonLdEvent"],code:"relative subject reference",level:"warning",message:"Relative subject reference found.",details:{subject:o}},options:i});continue}let l=Pr(c);if(!Cr(c)){i.eventHandler&&It({event:{type:["JsonLdEvent"],code:"relative predicate reference",level:"warning",message:"Relative predicate reference found.",details:{predicate:c}},options:i});continue}if(l.termType==="BlankNode"&&!i.produceGeneralizedRdf){i.eventHandler&&It({event:{type:["JsonLdEvent"],code:"blank node predicate",level:"warning",message:"Dropping blank node predicate.",details:{property:r.getOldIds().find(y=>r.getId(y)===c)}},options:i});continue}let p=Wi(h,r,e,t,i.rdfDirection,i);p&&e.push({subject:f,predicate:l,object:p,graph:t})}}}}function wh(e,n,t,r,i,s){let o={termType:"NamedNode",value:ah},a={termType:"NamedNode",value:ch},d={termType:"NamedNode",value:lh},c=e.pop(),u=c?{termType:"BlankNode",value:n.getId().slice(2)}:d,h=u;for(let f of e){let l=Wi(f,n,t,r,i,s),p={termType:"BlankNode",value:n.getId().slice(2)};t.push({subject:h,predicate:o,object:l,graph:r}),t.push({subject:h,predicate:a,object:p,graph:r}),h=p}if(c){let f=Wi(c,n,t,r,i,s);t.push({subject:h,predicate:o,object:f,graph:r}),t.push({subject:h,predicate:a,object:d,graph:r})}return u}function Wi(e,n,t,r,i,s){let o;if(Rc.isValue(e)){o={termType:"Literal",value:void 0,datatype:{termType:"NamedNode"}};let a=e["@value"],d=e["@type"]||null;if(d==="@json")o.value=sh(a),o.datatype.value=uh;else if(Nn.isBoolean(a))o.value=a.toString(),o.datatype.value=d||ph;else if(Nn.isDouble(a)||d===Nc)Nn.isDouble(a)||(a=parseFloat(a)),o.value=a.toExponential(15).replace(/(\d)0*e\+?/,"$1E"),o.datatype.value=d||Nc;else if(Nn.isNumber(a))o.value=a.toFixed(0),o.datatype.value=d||hh;else if("@direction"in e&&i==="i18n-datatype"){let c=(e["@language"]||"").toLowerCase(),u=e["@direction"],h=`https://www.w3.org/ns/i18n#${c}_${u}`;o.datatype.value=h,o.value=a}else{if("@direction"in e&&i==="compound-literal")throw new Oc("Unsupported rdfDirection value.","jsonld.InvalidRdfDirection",{value:i});if("@direction"in e&&i)throw new Oc("Unknown rdfDirection value.","jsonld.InvalidRdfDirection",{value:i});"@language"in e?("@direction"in e&&!i&&s.eventHandler&&It({event:{type:["JsonLdEvent"],code:"rdfDirection not set",level:"warning",message:"rdfDirection not set for @direction.",details:{object:o.value}},options:s}),o.value=a,o.datatype.value=d||fh,o.language=e["@language"]):("@direction"in e&&!i&&s.eventHandler&&It({event:{type:["JsonLdEvent"],code:"rdfDirection not set",level:"warning",message:"rdfDirection not set for @direction.",details:{object:o.value}},options:s}),o.value=a,o.datatype.value=d||gh)}}else if(Rc.isList(e)){let a=wh(e["@list"],n,t,r,i,s);o={termType:a.termType,value:a.value}}else{let a=Nn.isObject(e)?e["@id"]:e;o=Pr(a)}return o.termType==="NamedNode"&&!Cr(o.value)?(s.eventHandler&&It({event:{type:["JsonLdEvent"],code:"relative object reference",level:"warning",message:"Relative object reference found.",details:{object:o.value}},options:s}),null):o}function Pr(e){return e.startsWith("_:")?{termType:"BlankNode",value:e.slice(2)}:{termType:"NamedNode",value:e}}});var qc=I((Lb,zc)=>{"use strict";var{isKeyword:Qi}=rt(),me=Te(),C=ne(),K=ae(),Uc=Fe(),Ln=oe(),{createNodeMap:mh,mergeNodeMapGraphs:bh}=On(),be={};zc.exports=be;be.frameMergedOrDefault=(e,n,t)=>{let r={options:t,embedded:!1,graph:"@default",graphMap:{"@default":{}},subjectStack:[],link:{},bnodeMap:{}},i=new K.IdentifierIssuer("_:b");mh(e,r.graphMap,"@default",i),t.merged&&(r.graphMap["@merged"]=bh(r.graphMap),r.graph="@merged"),r.subjects=r.graphMap[r.graph];let s=[];be.frame(r,Object.keys(r.subjects).sort(),n,s),t.pruneBlankNodeIdentifiers&&(t.bnodesToClear=Object.keys(r.bnodeMap).filter(o=>r.bnodeMap[o].length===1));return t.link={},$r(s,t)};be.frame=(e,n,t,r,i=null)=>{Bc(t),t=t[0];let s=e.options,o={embed:Br(t,s,"embed"),explicit:Br(t,s,"explicit"),requireAll:Br(t,s,"requireAll")};e.link.hasOwnProperty(e.graph)||(e.link[e.graph]={});let a=e.link[e.graph],d=_h(e,n,t,o),c=Object.keys(d).sort();for(let u of c){let h=d[u];if(i===null?e.uniqueEmbeds={[e.graph]:{}}:e.uniqueEmbeds[e.graph]=e.uniqueEmbeds[e.graph]||{},o.embed==="@link"&&u in a){Tt(r,i,a[u]);continue}let f={"@id":u};if(u.indexOf("_:")===0&&K.addValue(e.bnodeMap,u,f,{propertyIsArray:!0}),a[u]=f,(o.embed==="@first"||o.embed==="@last")&&e.is11)throw new Ln("Invalid JSON-LD syntax; invalid value of @embed.","jsonld.SyntaxError",{code:"invalid @embed value",frame:t});if(!(!e.embedded&&e.uniqueEmbeds[e.graph].hasOwnProperty(u))){if(e.embedded&&(o.embed==="@never"||vh(h,e.graph,e.subjectStack))){Tt(r,i,f);continue}if(e.embedded&&(o.embed=="@first"||o.embed=="@once")&&e.uniqueEmbeds[e.graph].hasOwnProperty(u)){Tt(r,i,f);continue}if(o.embed==="@last"&&u in e.uniqueEmbeds[e.graph]&&xh(e,u),e.uniqueEmbeds[e.graph][u]={parent:r,property:i},e.subjectStack.push({subject:h,graph:e.graph}),u in e.graphMap){let l=!1,p=null;"@graph"in t?(p=t["@graph"][0],l=!(u==="@merged"||u==="@default"),C.isObject(p)||(p={})):(l=e.graph!=="@merged",p={}),l&&be.frame({...e,graph:u,embedded:!1},Object.keys(e.graphMap[u]).sort(),[p],f,"@graph")}"@included"in t&&be.frame({...e,embedded:!1},n,t["@included"],f,"@included");for(let l of Object.keys(h).sort()){if(Qi(l)){if(f[l]=K.clone(h[l]),l==="@type")for(let p of h["@type"])p.indexOf("_:")===0&&K.addValue(e.bnodeMap,p,f,{propertyIsArray:!0});continue}if(!(o.explicit&&!(l in t)))for(let p of h[l]){let y=l in t?t[l]:Cc(o);if(me.isList(p)){let g=t[l]&&t[l][0]&&t[l][0]["@list"]?t[l][0]["@list"]:Cc(o),w={"@list":[]};Tt(f,l,w);let b=p["@list"];for(let v of b)me.isSubjectReference(v)?be.frame({...e,embedded:!0},[v["@id"]],g,w,"@list"):Tt(w,"@list",K.clone(v))}else me.isSubjectReference(p)?be.frame({...e,embedded:!0},[p["@id"]],y,f,l):es(y[0],p)&&Tt(f,l,K.clone(p))}}for(let l of Object.keys(t).sort()){if(l==="@type"){if(!C.isObject(t[l][0])||!("@default"in t[l][0]))continue}else if(Qi(l))continue;let p=t[l][0]||{};if(!Br(p,s,"omitDefault")&&!(l in f)){let g="@null";"@default"in p&&(g=K.clone(p["@default"])),C.isArray(g)||(g=[g]),f[l]=[{"@preserve":g}]}}for(let l of Object.keys(t["@reverse"]||{}).sort()){let p=t["@reverse"][l];for(let y of Object.keys(e.subjects))K.getValues(e.subjects[y],l).some(w=>w["@id"]===u)&&(f["@reverse"]=f["@reverse"]||{},K.addValue(f["@reverse"],l,[],{propertyIsArray:!0}),be.frame({...e,embedded:!0},[y],p,f["@reverse"][l],i))}Tt(r,i,f),e.subjectStack.pop()}}};be.cleanupNull=(e,n)=>{if(C.isArray(e))return e.map(r=>be.cleanupNull(r,n)).filter(r=>r);if(e==="@null")return null;if(C.isObject(e)){if("@id"in e){let t=e["@id"];if(n.link.hasOwnProperty(t)){let r=n.link[t].indexOf(e);if(r!==-1)return n.link[t][r];n.link[t].push(e)}else n.link[t]=[e]}for(let t in e)e[t]=be.cleanupNull(e[t],n)}return e};function Cc(e){let n={};for(let t in e)e[t]!==void 0&&(n["@"+t]=[e[t]]);return[n]}function vh(e,n,t){for(let r=t.length-1;r>=0;--r){let i=t[r];if(i.graph===n&&i.subject["@id"]===e["@id"])return!0}return!1}function Br(e,n,t){let r="@"+t,i=r in e?e[r][0]:n[t];if(t==="embed"){if(i===!0)i="@once";else if(i===!1)i="@never";else if(i!=="@always"&&i!=="@never"&&i!=="@link"&&i!=="@first"&&i!=="@last"&&i!=="@once")throw new Ln("Invalid JSON-LD syntax; invalid value of @embed.","jsonld.SyntaxError",{code:"invalid @embed value",frame:e})}return i}function Bc(e){if(!C.isArray(e)||e.length!==1||!C.isObject(e[0]))throw new Ln("Invalid JSON-LD syntax; a JSON-LD frame must be a single object.","jsonld.SyntaxError",{frame:e});if("@id"in e[0]){for(let n of K.asArray(e[0]["@id"]))if(!(C.isObject(n)||Uc.isAbsolute(n))||C.isString(n)&&n.indexOf("_:")===0)throw new Ln("Invalid JSON-LD syntax; invalid @id in frame.","jsonld.SyntaxError",{code:"invalid frame",frame:e})}if("@type"in e[0]){for(let n of K.asArray(e[0]["@type"]))if(!(C.isObject(n)||Uc.isAbsolute(n)||n==="@json")||C.isString(n)&&n.indexOf("_:")===0)throw new Ln("Invalid JSON-LD syntax; invalid @type in frame.","jsonld.SyntaxError",{code:"invalid frame",frame:e})}}function _h(e,n,t,r){let i={};for(let s of n){let o=e.graphMap[e.graph][s];$c(e,o,t,r)&&(i[s]=o)}return i}function $c(e,n,t,r){let i=!0,s=!1;for(let o in t){let a=!1,d=K.getValues(n,o),c=K.getValues(t,o).length===0;if(o==="@id"){if(C.isEmptyObject(t["@id"][0]||{})?a=!0:t["@id"].length>=0&&(a=t["@id"].includes(d[0])),!r.requireAll)return a}else if(o==="@type"){if(i=!1,c){if(d.length>0)return!1;a=!0}else if(t["@type"].length===1&&C.isEmptyObject(t["@type"][0]))a=d.length>0;else for(let u of t["@type"])C.isObject(u)&&"@default"in u?a=!0:a=a||d.some(h=>h===u);if(!r.requireAll)return a}else{if(Qi(o))continue;{let u=K.getValues(t,o)[0],h=!1;if(u&&(Bc([u]),h="@default"in u),i=!1,d.length===0&&h)continue;if(d.length>0&&c)return!1;if(u===void 0){if(d.length>0)return!1;a=!0}else if(me.isList(u)){let f=u["@list"][0];if(me.isList(d[0])){let l=d[0]["@list"];me.isValue(f)?a=l.some(p=>es(f,p)):(me.isSubject(f)||me.isSubjectReference(f))&&(a=l.some(p=>Pc(e,f,p,r)))}}else me.isValue(u)?a=d.some(f=>es(u,f)):me.isSubjectReference(u)?a=d.some(f=>Pc(e,u,f,r)):C.isObject(u)?a=d.length>0:a=!1}}if(!a&&r.requireAll)return!1;s=s||a}return i||s}function xh(e,n){let t=e.uniqueEmbeds[e.graph],r=t[n],i=r.parent,s=r.property,o={"@id":n};if(C.isArray(i)){for(let d=0;d<i.length;++d)if(K.compareValues(i[d],o)){i[d]=o;break}}else{let d=C.isArray(i[s]);K.removeValue(i,s,o,{propertyIsArray:d}),K.addValue(i,s,o,{propertyIsArray:d})}let a=d=>{let c=Object.keys(t);for(let u of c)u in t&&C.isObject(t[u].parent)&&t[u].parent["@id"]===d&&(delete t[u],a(u))};a(n)}function $r(e,n){if(C.isArray(e))return e.map(t=>$r(t,n));if(C.isObject(e)){if("@preserve"in e)return e["@preserve"][0];if(me.isValue(e))return e;if(me.isList(e))return e["@list"]=$r(e["@list"],n),e;if("@id"in e){let t=e["@id"];if(n.link.hasOwnProperty(t)){let r=n.link[t].indexOf(e);if(r!==-1)return n.link[t][r];n.link[t].push(e)}else n.link[t]=[e]}for(let t in e){if(t==="@id"&&n.bnodesToClear.includes(e[t])){delete e["@id"];continue}e[t]=$r(e[t],n)}}return e}function Tt(e,n,t){C.isObject(e)?K.addValue(e,n,t,{propertyIsArray:!0}):e.push(t)}function Pc(e,n,t,r){if(!("@id"in t))return!1;let i=e.subjects[t["@id"]];return i&&$c(e,i,n,r)}function es(e,n){let t=n["@value"],r=n["@type"],i=n["@language"],s=e["@value"]?C.isArray(e["@value"])?e["@value"]:[e["@value"]]:[],o=e["@type"]?C.isArray(e["@type"])?e["@type"]:[e["@type"]]:[],a=e["@language"]?C.isArray(e["@language"])?e["@language"]:[e["@language"]]:[];return s.length===0&&o.length===0&&a.length===0?!0:!(!(s.includes(t)||C.isEmptyObject(s[0]))||!(!r&&o.length===0||o.includes(r)||r&&C.isEmptyObject(o[0]))||!(!i&&a.length===0||a.includes(i)||i&&C.isEmptyObject(a[0])))}});var Yc=I((jb,Gc)=>{"use strict";var ss=oe(),{isArray:st,isObject:ot,isString:Kc,isUndefined:ts}=ne(),{isList:is,isValue:Je,isGraph:Jc,isSimpleGraph:Vc,isSubjectReference:ns}=Te(),{expandIri:Xc,getContextValue:ee,isKeyword:Zc,process:rs,processingMode:Eh}=rt(),{removeBase:Fc,prependBase:Sh}=Fe(),{REGEX_KEYWORD:Ih,addValue:ue,asArray:zr,compareShortestLeast:Th}=ae(),O={};Gc.exports=O;O.compact=async({activeCtx:e,activeProperty:n=null,element:t,options:r={}})=>{if(st(t)){let s=[];for(let o=0;o<t.length;++o){let a=await O.compact({activeCtx:e,activeProperty:n,element:t[o],options:r});a!==null&&s.push(a)}return r.compactArrays&&s.length===1&&(ee(e,n,"@container")||[]).length===0&&(s=s[0]),s}let i=ee(e,n,"@context");if(ts(i)||(e=await rs({activeCtx:e,localCtx:i,propagate:!0,overrideProtected:!0,options:r})),ot(t)){if(r.link&&"@id"in t&&r.link.hasOwnProperty(t["@id"])){let f=r.link[t["@id"]];for(let l=0;l<f.length;++l)if(f[l].expanded===t)return f[l].compacted}if(Je(t)||ns(t)){let f=O.compactValue({activeCtx:e,activeProperty:n,value:t,options:r});return r.link&&ns(t)&&(r.link.hasOwnProperty(t["@id"])||(r.link[t["@id"]]=[]),r.link[t["@id"]].push({expanded:t,compacted:f})),f}if(is(t)&&(ee(e,n,"@container")||[]).includes("@list"))return O.compact({activeCtx:e,activeProperty:n,element:t["@list"],options:r});let s=n==="@reverse",o={},a=e;!Je(t)&&!ns(t)&&(e=e.revertToPreviousContext());let d=ee(a,n,"@context");ts(d)||(e=await rs({activeCtx:e,localCtx:d,propagate:!0,overrideProtected:!0,options:r})),r.link&&"@id"in t&&(r.link.hasOwnProperty(t["@id"])||(r.link[t["@id"]]=[]),r.link[t["@id"]].push({expanded:t,compacted:o}));let c=t["@type"]||[];c.length>1&&(c=Array.from(c).sort());let u=e;for(let f of c){let l=O.compactIri({activeCtx:u,iri:f,relativeTo:{vocab:!0}}),p=ee(a,l,"@context");ts(p)||(e=await rs({activeCtx:e,localCtx:p,options:r,propagate:!1}))}let h=Object.keys(t).sort();for(let f of h){let l=t[f];if(f==="@id"){let p=zr(l).map(g=>O.compactIri({activeCtx:e,iri:g,relativeTo:{vocab:!1},base:r.base}));p.length===1&&(p=p[0]);let y=O.compactIri({activeCtx:e,iri:"@id",relativeTo:{vocab:!0}});o[y]=p;continue}if(f==="@type"){let p=zr(l).map(v=>O.compactIri({activeCtx:a,iri:v,relativeTo:{vocab:!0}}));p.length===1&&(p=p[0]);let y=O.compactIri({activeCtx:e,iri:"@type",relativeTo:{vocab:!0}}),b=(ee(e,y,"@container")||[]).includes("@set")&&Eh(e,1.1)||st(p)&&l.length===0;ue(o,y,p,{propertyIsArray:b});continue}if(f==="@reverse"){let p=await O.compact({activeCtx:e,activeProperty:"@reverse",element:l,options:r});for(let y in p)if(e.mappings.has(y)&&e.mappings.get(y).reverse){let g=p[y],b=(ee(e,y,"@container")||[]).includes("@set")||!r.compactArrays;ue(o,y,g,{propertyIsArray:b}),delete p[y]}if(Object.keys(p).length>0){let y=O.compactIri({activeCtx:e,iri:f,relativeTo:{vocab:!0}});ue(o,y,p)}continue}if(f==="@preserve"){let p=await O.compact({activeCtx:e,activeProperty:n,element:l,options:r});st(p)&&p.length===0||ue(o,f,p);continue}if(f==="@index"){if((ee(e,n,"@container")||[]).includes("@index"))continue;let y=O.compactIri({activeCtx:e,iri:f,relativeTo:{vocab:!0}});ue(o,y,l);continue}if(f!=="@graph"&&f!=="@list"&&f!=="@included"&&Zc(f)){let p=O.compactIri({activeCtx:e,iri:f,relativeTo:{vocab:!0}});ue(o,p,l);continue}if(!st(l))throw new ss("JSON-LD expansion error; expanded value must be an array.","jsonld.SyntaxError");if(l.length===0){let p=O.compactIri({activeCtx:e,iri:f,value:l,relativeTo:{vocab:!0},reverse:s}),y=e.mappings.has(p)?e.mappings.get(p)["@nest"]:null,g=o;y&&(Hc(e,y,r),ot(o[y])||(o[y]={}),g=o[y]),ue(g,p,l,{propertyIsArray:!0})}for(let p of l){let y=O.compactIri({activeCtx:e,iri:f,value:p,relativeTo:{vocab:!0},reverse:s}),g=e.mappings.has(y)?e.mappings.get(y)["@nest"]:null,w=o;g&&(Hc(e,g,r),ot(o[g])||(o[g]={}),w=o[g]);let b=ee(e,y,"@container")||[],v=Jc(p),m=is(p),x;m?x=p["@list"]:v&&(x=p["@graph"]);let _=await O.compact({activeCtx:e,activeProperty:y,element:m||v?x:p,options:r});if(m)if(st(_)||(_=[_]),!b.includes("@list"))_={[O.compactIri({activeCtx:e,iri:"@list",relativeTo:{vocab:!0}})]:_},"@index"in p&&(_[O.compactIri({activeCtx:e,iri:"@index",relativeTo:{vocab:!0}})]=p["@index"]);else{ue(w,y,_,{valueIsArray:!0,allowDuplicate:!0});continue}if(v)if(b.includes("@graph")&&(b.includes("@id")||b.includes("@index")&&Vc(p))){let S;w.hasOwnProperty(y)?S=w[y]:w[y]=S={};let T=(b.includes("@id")?p["@id"]:p["@index"])||O.compactIri({activeCtx:e,iri:"@none",relativeTo:{vocab:!0}});ue(S,T,_,{propertyIsArray:!r.compactArrays||b.includes("@set")})}else b.includes("@graph")&&Vc(p)?(st(_)&&_.length>1&&(_={"@included":_}),ue(w,y,_,{propertyIsArray:!r.compactArrays||b.includes("@set")})):(st(_)&&_.length===1&&r.compactArrays&&(_=_[0]),_={[O.compactIri({activeCtx:e,iri:"@graph",relativeTo:{vocab:!0}})]:_},"@id"in p&&(_[O.compactIri({activeCtx:e,iri:"@id",relativeTo:{vocab:!0}})]=p["@id"]),"@index"in p&&(_[O.compactIri({activeCtx:e,iri:"@index",relativeTo:{vocab:!0}})]=p["@index"]),ue(w,y,_,{propertyIsArray:!r.compactArrays||b.includes("@set")}));else if(b.includes("@language")||b.includes("@index")||b.includes("@id")||b.includes("@type")){let S;w.hasOwnProperty(y)?S=w[y]:w[y]=S={};let T;if(b.includes("@language"))Je(_)&&(_=_["@value"]),T=p["@language"];else if(b.includes("@index")){let A=ee(e,y,"@index")||"@index",k=O.compactIri({activeCtx:e,iri:A,relativeTo:{vocab:!0}});if(A==="@index")T=p["@index"],delete _[k];else{let R;if([T,...R]=zr(_[A]||[]),!Kc(T))T=null;else switch(R.length){case 0:delete _[A];break;case 1:_[A]=R[0];break;default:_[A]=R;break}}}else if(b.includes("@id")){let A=O.compactIri({activeCtx:e,iri:"@id",relativeTo:{vocab:!0}});T=_[A],delete _[A]}else if(b.includes("@type")){let A=O.compactIri({activeCtx:e,iri:"@type",relativeTo:{vocab:!0}}),k;switch([T,...k]=zr(_[A]||[]),k.length){case 0:delete _[A];break;case 1:_[A]=k[0];break;default:_[A]=k;break}Object.keys(_).length===1&&"@id"in p&&(_=await O.compact({activeCtx:e,activeProperty:y,element:{"@id":p["@id"]},options:r}))}T||(T=O.compactIri({activeCtx:e,iri:"@none",relativeTo:{vocab:!0}})),ue(S,T,_,{propertyIsArray:b.includes("@set")})}else{let S=!r.compactArrays||b.includes("@set")||b.includes("@list")||st(_)&&_.length===0||f==="@list"||f==="@graph";ue(w,y,_,{propertyIsArray:S})}}}return o}return t};O.compactIri=({activeCtx:e,iri:n,value:t=null,relativeTo:r={vocab:!1},reverse:i=!1,base:s=null})=>{if(n===null)return n;e.isPropertyTermScoped&&e.previousContext&&(e=e.previousContext);let o=e.getInverse();if(Zc(n)&&n in o&&"@none"in o[n]&&"@type"in o[n]["@none"]&&"@none"in o[n]["@none"]["@type"])return o[n]["@none"]["@type"]["@none"];if(r.vocab&&n in o){let h=e["@language"]||"@none",f=[];ot(t)&&"@index"in t&&!("@graph"in t)&&f.push("@index","@index@set"),ot(t)&&"@preserve"in t&&(t=t["@preserve"][0]),Jc(t)?("@index"in t&&f.push("@graph@index","@graph@index@set","@index","@index@set"),"@id"in t&&f.push("@graph@id","@graph@id@set"),f.push("@graph","@graph@set","@set"),"@index"in t||f.push("@graph@index","@graph@index@set","@index","@index@set"),"@id"in t||f.push("@graph@id","@graph@id@set")):ot(t)&&!Je(t)&&f.push("@id","@id@set","@type","@set@type");let l="@language",p="@null";if(i)l="@type",p="@reverse",f.push("@set");else if(is(t)){"@index"in t||f.push("@list");let g=t["@list"];if(g.length===0)l="@any",p="@none";else{let w=g.length===0?h:null,b=null;for(let v=0;v<g.length;++v){let m=g[v],x="@none",_="@none";if(Je(m))if("@direction"in m){let S=(m["@language"]||"").toLowerCase(),T=m["@direction"];x=`${S}_${T}`}else"@language"in m?x=m["@language"].toLowerCase():"@type"in m?_=m["@type"]:x="@null";else _="@id";if(w===null?w=x:x!==w&&Je(m)&&(w="@none"),b===null?b=_:_!==b&&(b="@none"),w==="@none"&&b==="@none")break}w=w||"@none",b=b||"@none",b!=="@none"?(l="@type",p=b):p=w}}else{if(Je(t))if("@language"in t&&!("@index"in t)){f.push("@language","@language@set"),p=t["@language"];let g=t["@direction"];g&&(p=`${p}_${g}`)}else"@direction"in t&&!("@index"in t)?p=`_${t["@direction"]}`:"@type"in t&&(l="@type",p=t["@type"]);else l="@type",p="@id";f.push("@set")}f.push("@none"),ot(t)&&!("@index"in t)&&f.push("@index","@index@set"),Je(t)&&Object.keys(t).length===1&&f.push("@language","@language@set");let y=Ah(e,n,t,f,l,p);if(y!==null)return y}if(r.vocab&&"@vocab"in e){let h=e["@vocab"];if(n.indexOf(h)===0&&n!==h){let f=n.substr(h.length);if(!e.mappings.has(f))return f}}let a=null,d=[],c=e.fastCurieMap,u=n.length-1;for(let h=0;h<u&&n[h]in c;++h)c=c[n[h]],""in c&&d.push(c[""][0]);for(let h=d.length-1;h>=0;--h){let f=d[h],l=f.terms;for(let p of l){let y=p+":"+n.substr(f.iri.length);e.mappings.get(p)._prefix&&(!e.mappings.has(y)||t===null&&e.mappings.get(y)["@id"]===n)&&(a===null||Th(y,a)<0)&&(a=y)}}if(a!==null)return a;for(let[h,f]of e.mappings)if(f&&f._prefix&&n.startsWith(h+":"))throw new ss(`Absolute IRI "${n}" confused with prefix "${h}".`,"jsonld.SyntaxError",{code:"IRI confused with prefix",context:e});if(!r.vocab)if("@base"in e)if(e["@base"]){let h=Fc(Sh(s,e["@base"]),n);return Ih.test(h)?`./${h}`:h}else return n;else return Fc(s,n);return n};O.compactValue=({activeCtx:e,activeProperty:n,value:t,options:r})=>{if(Je(t)){let a=ee(e,n,"@type"),d=ee(e,n,"@language"),c=ee(e,n,"@direction"),u=ee(e,n,"@container")||[],h="@index"in t&&!u.includes("@index");if(!h&&a!=="@none"&&(t["@type"]===a||"@language"in t&&t["@language"]===d&&"@direction"in t&&t["@direction"]===c||"@language"in t&&t["@language"]===d||"@direction"in t&&t["@direction"]===c))return t["@value"];let f=Object.keys(t).length,l=f===1||f===2&&"@index"in t&&!h,p="@language"in e,y=Kc(t["@value"]),g=e.mappings.has(n)&&e.mappings.get(n)["@language"]===null;if(l&&a!=="@none"&&(!p||!y||g))return t["@value"];let w={};return h&&(w[O.compactIri({activeCtx:e,iri:"@index",relativeTo:{vocab:!0}})]=t["@index"]),"@type"in t?w[O.compactIri({activeCtx:e,iri:"@type",relativeTo:{vocab:!0}})]=O.compactIri({activeCtx:e,iri:t["@type"],relativeTo:{vocab:!0}}):"@language"in t&&(w[O.compactIri({activeCtx:e,iri:"@language",relativeTo:{vocab:!0}})]=t["@language"]),"@direction"in t&&(w[O.compactIri({activeCtx:e,iri:"@direction",relativeTo:{vocab:!0}})]=t["@direction"]),w[O.compactIri({activeCtx:e,iri:"@value",relativeTo:{vocab:!0}})]=t["@value"],w}let i=Xc(e,n,{vocab:!0},r),s=ee(e,n,"@type"),o=O.compactIri({activeCtx:e,iri:t["@id"],relativeTo:{vocab:s==="@vocab"},base:r.base});return s==="@id"||s==="@vocab"||i==="@graph"?o:{[O.compactIri({activeCtx:e,iri:"@id",relativeTo:{vocab:!0}})]:o}};function Ah(e,n,t,r,i,s){s===null&&(s="@null");let o=[];if((s==="@id"||s==="@reverse")&&ot(t)&&"@id"in t){s==="@reverse"&&o.push("@reverse");let d=O.compactIri({activeCtx:e,iri:t["@id"],relativeTo:{vocab:!0}});e.mappings.has(d)&&e.mappings.get(d)&&e.mappings.get(d)["@id"]===t["@id"]?o.push.apply(o,["@vocab","@id"]):o.push.apply(o,["@id","@vocab"])}else{o.push(s);let d=o.find(c=>c.includes("_"));d&&o.push(d.replace(/^[^_]+_/,"_"))}o.push("@none");let a=e.inverse[n];for(let d of r){if(!(d in a))continue;let c=a[d][i];for(let u of o)if(u in c)return c[u]}return null}function Hc(e,n,t){if(Xc(e,n,{vocab:!0},t)!=="@nest")throw new ss("JSON-LD compact error; nested property must have an @nest value resolving to @nest.","jsonld.SyntaxError",{code:"invalid @nest value"})}});var Qc=I((Mb,Wc)=>{"use strict";Wc.exports=e=>{class n{toString(){return"[object JsonLdProcessor]"}}return Object.defineProperty(n,"prototype",{writable:!1,enumerable:!1}),Object.defineProperty(n.prototype,"constructor",{writable:!0,enumerable:!1,configurable:!0,value:n}),n.compact=function(t,r){return arguments.length<2?Promise.reject(new TypeError("Could not compact, too few arguments.")):e.compact(t,r)},n.expand=function(t){return arguments.length<1?Promise.reject(new TypeError("Could not expand, too few arguments.")):e.expand(t)},n.flatten=function(t){return arguments.length<1?Promise.reject(new TypeError("Could not flatten, too few arguments.")):e.flatten(t)},n}});var kt=I((Ub,il)=>{var el=Ht(),tl=za(),ct=ae(),Xe=tc(),os=ct.IdentifierIssuer,De=oe(),kh=Li(),as=rc(),{expand:Dh}=yc(),{flatten:Rh}=_c(),{fromRDF:Oh}=kc(),{toRDF:Nh}=Mc(),{frameMergedOrDefault:Lh,cleanupNull:jh}=qc(),{isArray:Wt,isObject:At,isString:at}=ne(),{isSubjectReference:Mh}=Te(),{expandIri:Uh,getInitialContext:qr,process:nl,processingMode:cs}=rt(),{compact:Ch,compactIri:Ph}=Yc(),{createNodeMap:Bh,createMergedNodeMap:$h,mergeNodeMaps:zh}=On(),{logEventHandler:qh,logWarningEventHandler:Vh,safeEventHandler:Fh,setDefaultEventHandler:Hh,setupEventHandler:Kh,strictEventHandler:Jh,unhandledEventHandler:Xh}=Xt(),rl=function(e){let n={},r=new kh({max:100});e.compact=async function(s,o,a){if(arguments.length<2)throw new TypeError("Could not compact, too few arguments.");if(o===null)throw new De("The compaction context must not be null.","jsonld.CompactError",{code:"invalid local context"});if(s===null)return null;a=i(a,{base:at(s)?s:"",compactArrays:!0,compactToRelative:!0,graph:!1,skipExpansion:!1,link:!1,issuer:new os("_:b"),contextResolver:new Xe({sharedCache:r})}),a.link&&(a.skipExpansion=!0),a.compactToRelative||delete a.base;let d;a.skipExpansion?d=s:d=await e.expand(s,a);let c=await e.processContext(qr(a),o,a),u=await Ch({activeCtx:c,element:d,options:a});a.compactArrays&&!a.graph&&Wt(u)?u.length===1?u=u[0]:u.length===0&&(u={}):a.graph&&At(u)&&(u=[u]),At(o)&&"@context"in o&&(o=o["@context"]),o=ct.clone(o),Wt(o)||(o=[o]);let h=o;o=[];for(let l=0;l<h.length;++l)(!At(h[l])||Object.keys(h[l]).length>0)&&o.push(h[l]);let f=o.length>0;if(o.length===1&&(o=o[0]),Wt(u)){let l=Ph({activeCtx:c,iri:"@graph",relativeTo:{vocab:!0}}),p=u;u={},f&&(u["@context"]=o),u[l]=p}else if(At(u)&&f){let l=u;u={"@context":o};for(let p in l)u[p]=l[p]}return u},e.expand=async function(s,o){if(arguments.length<1)throw new TypeError("Could not expand, too few arguments.");o=i(o,{keepFreeFloatingNodes:!1,contextResolver:new Xe({sharedCache:r})});let a={},d=[];if("expandContext"in o){let f=ct.clone(o.expandContext);At(f)&&"@context"in f?a.expandContext=f:a.expandContext={"@context":f},d.push(a.expandContext)}let c;if(!at(s))a.input=ct.clone(s);else{let f=await e.get(s,o);c=f.documentUrl,a.input=f.document,f.contextUrl&&(a.remoteContext={"@context":f.contextUrl},d.push(a.remoteContext))}"base"in o||(o.base=c||"");let u=qr(o);for(let f of d)u=await nl({activeCtx:u,localCtx:f,options:o});let h=await Dh({activeCtx:u,element:a.input,options:o});return At(h)&&"@graph"in h&&Object.keys(h).length===1?h=h["@graph"]:h===null&&(h=[]),Wt(h)||(h=[h]),h},e.flatten=async function(s,o,a){if(arguments.length<1)return new TypeError("Could not flatten, too few arguments.");typeof o=="function"?o=null:o=o||null,a=i(a,{base:at(s)?s:"",contextResolver:new Xe({sharedCache:r})});let d=await e.expand(s,a),c=Rh(d);return o===null?c:(a.graph=!0,a.skipExpansion=!0,await e.compact(c,o,a))},e.frame=async function(s,o,a){if(arguments.length<2)throw new TypeError("Could not frame, too few arguments.");if(a=i(a,{base:at(s)?s:"",embed:"@once",explicit:!1,requireAll:!1,omitDefault:!1,bnodesToClear:[],contextResolver:new Xe({sharedCache:r})}),at(o)){let g=await e.get(o,a);if(o=g.document,g.contextUrl){let w=o["@context"];w?Wt(w)?w.push(g.contextUrl):w=[w,g.contextUrl]:w=g.contextUrl,o["@context"]=w}}let d=o?o["@context"]||{}:{},c=await e.processContext(qr(a),d,a);a.hasOwnProperty("omitGraph")||(a.omitGraph=cs(c,1.1)),a.hasOwnProperty("pruneBlankNodeIdentifiers")||(a.pruneBlankNodeIdentifiers=cs(c,1.1));let u=await e.expand(s,a),h={...a};h.isFrame=!0,h.keepFreeFloatingNodes=!0;let f=await e.expand(o,h),l=Object.keys(o).map(g=>Uh(c,g,{vocab:!0}));h.merged=!l.includes("@graph"),h.is11=cs(c,1.1);let p=Lh(u,f,h);h.graph=!a.omitGraph,h.skipExpansion=!0,h.link={},h.framing=!0;let y=await e.compact(p,d,h);return h.link={},y=jh(y,h),y},e.link=async function(s,o,a){let d={};return o&&(d["@context"]=o),d["@embed"]="@link",e.frame(s,d,a)},e.normalize=e.canonize=async function(s,o){if(arguments.length<1)throw new TypeError("Could not canonize, too few arguments.");o=i(o,{skipExpansion:!1,safe:!0,contextResolver:new Xe({sharedCache:r})});let a=Object.assign({},{algorithm:"RDFC-1.0"},o.canonizeOptions||null);if("inputFormat"in o){if(o.inputFormat!=="application/n-quads")throw new De("Unknown canonicalization input format.","jsonld.CanonizeError");let u=as.parse(s);return el.canonize(u,a)}let d={...o};delete d.format,delete d.canonizeOptions,d.produceGeneralizedRdf=!1;let c=await e.toRDF(s,d);return el.canonize(c,a)},e.fromRDF=async function(s,o){if(arguments.length<1)throw new TypeError("Could not convert from RDF, too few arguments.");o=i(o,{format:at(s)?"application/n-quads":void 0});let{format:a}=o,{rdfParser:d}=o;if(a){if(d=d||n[a],!d)throw new De("Unknown input format.","jsonld.UnknownFormat",{format:a})}else d=()=>s;let c=await d(s);return Oh(c,o)},e.toRDF=async function(s,o){if(arguments.length<1)throw new TypeError("Could not convert to RDF, too few arguments.");o=i(o,{skipExpansion:!1,contextResolver:new Xe({sharedCache:r})});let a;o.skipExpansion?a=s:a=await e.expand(s,o);let d=Nh(a,o);if(o.format){if(o.format==="application/n-quads")return as.serialize(d);throw new De("Unknown output format.","jsonld.UnknownFormat",{format:o.format})}return d},e.createNodeMap=async function(s,o){if(arguments.length<1)throw new TypeError("Could not create node map, too few arguments.");o=i(o,{base:at(s)?s:"",contextResolver:new Xe({sharedCache:r})});let a=await e.expand(s,o);return $h(a,o)},e.merge=async function(s,o,a){if(arguments.length<1)throw new TypeError("Could not merge, too few arguments.");if(!Wt(s))throw new TypeError('Could not merge, "docs" must be an array.');typeof o=="function"?o=null:o=o||null,a=i(a,{contextResolver:new Xe({sharedCache:r})});let d=await Promise.all(s.map(g=>{let w={...a};return e.expand(g,w)})),c=!0;"mergeNodes"in a&&(c=a.mergeNodes);let u=a.issuer||new os("_:b"),h={"@default":{}};for(let g=0;g<d.length;++g){let w=ct.relabelBlankNodes(d[g],{issuer:new os("_:b"+g+"-")}),b=c||g===0?h:{"@default":{}};if(Bh(w,b,"@default",u),b!==h)for(let v in b){let m=b[v];if(!(v in h)){h[v]=m;continue}let x=h[v];for(let _ in m)_ in x||(x[_]=m[_])}}let f=zh(h),l=[],p=Object.keys(f).sort();for(let g=0;g<p.length;++g){let w=f[p[g]];Mh(w)||l.push(w)}return o===null?l:(a.graph=!0,a.skipExpansion=!0,await e.compact(l,o,a))},Object.defineProperty(e,"documentLoader",{get:()=>e._documentLoader,set:s=>e._documentLoader=s}),e.documentLoader=async s=>{throw new De("Could not retrieve a JSON-LD document from the URL. URL dereferencing not implemented.","jsonld.LoadDocumentError",{code:"loading document failed",url:s})},e.get=async function(s,o){let a;typeof o.documentLoader=="function"?a=o.documentLoader:a=e.documentLoader;let d=await a(s);try{if(!d.document)throw new De("No remote document found at the given URL.","jsonld.NullRemoteDocument");at(d.document)&&(d.document=JSON.parse(d.document))}catch(c){throw new De("Could not retrieve a JSON-LD document from the URL.","jsonld.LoadDocumentError",{code:"loading document failed",cause:c,remoteDoc:d})}return d},e.processContext=async function(s,o,a){return a=i(a,{base:"",contextResolver:new Xe({sharedCache:r})}),o===null?qr(a):(o=ct.clone(o),At(o)&&"@context"in o||(o={"@context":o}),nl({activeCtx:s,localCtx:o,options:a}))},e.getContextValue=rt().getContextValue,e.documentLoaders={},e.useDocumentLoader=function(s){if(!(s in e.documentLoaders))throw new De('Unknown document loader type: "'+s+'"',"jsonld.UnknownDocumentLoader",{type:s});e.documentLoader=e.documentLoaders[s].apply(e,Array.prototype.slice.call(arguments,1))},e.registerRDFParser=function(s,o){n[s]=o},e.unregisterRDFParser=function(s){delete n[s]},e.registerRDFParser("application/n-quads",as.parse),e.url=Fe(),e.logEventHandler=qh,e.logWarningEventHandler=Vh,e.safeEventHandler=Fh,e.setDefaultEventHandler=Hh,e.strictEventHandler=Jh,e.unhandledEventHandler=Xh,e.util=ct,Object.assign(e,ct),e.promises=e,e.RequestQueue=Ai(),e.JsonLdProcessor=Qc()(e),tl.setupGlobals(e),tl.setupDocumentLoaders(e);function i(s,{documentLoader:o=e.documentLoader,...a}){if(s&&"compactionMap"in s)throw new De('"compactionMap" not supported.',"jsonld.OptionsError");if(s&&"expansionMap"in s)throw new De('"expansionMap" not supported.',"jsonld.OptionsError");return Object.assign({},{documentLoader:o},a,s,{eventHandler:Kh({options:s})})}return e},ls=function(){return rl(function(){return ls()})};rl(ls);il.exports=ls});var al=I((Cb,ol)=>{"use strict";var Vr=qt(),{contexts:sl}=vi();ol.exports=new Map([[Vr.SECURITY_CONTEXT_V1_URL,sl.get(Vr.SECURITY_CONTEXT_V1_URL)],[Vr.SECURITY_CONTEXT_V2_URL,sl.get(Vr.SECURITY_CONTEXT_V2_URL)]])});var ds=I((Pb,cl)=>{"use strict";var Zh=al(),Fr={};cl.exports=Fr;Fr.extendContextLoader=e=>async n=>{let t=Zh.get(n);return t!==void 0?{contextUrl:null,documentUrl:n,document:t,tag:"static"}:e(n)};Fr.strictDocumentLoader=Fr.extendContextLoader(e=>{throw new Error(`${e} not found.`)})});var dl=I((Bb,ll)=>{"use strict";var us=class e extends Error{constructor(n){super(e._prepareSuperMessage(n)),Object.defineProperty(this,"name",{value:"NonError",configurable:!0,writable:!0}),Error.captureStackTrace&&Error.captureStackTrace(this,e)}static _prepareSuperMessage(n){try{return JSON.stringify(n)}catch{return String(n)}}},Gh=[{property:"name",enumerable:!1},{property:"message",enumerable:!1},{property:"stack",enumerable:!1},{property:"code",enumerable:!0}],fs=Symbol(".toJSON called"),Yh=e=>{e[fs]=!0;let n=e.toJSON();return delete e[fs],n},ps=({from:e,seen:n,to_:t,forceEnumerable:r,maxDepth:i,depth:s})=>{let o=t||(Array.isArray(e)?[]:{});if(n.push(e),s>=i)return o;if(typeof e.toJSON=="function"&&e[fs]!==!0)return Yh(e);for(let[a,d]of Object.entries(e)){if(typeof Buffer=="function"&&Buffer.isBuffer(d)){o[a]="[object Buffer]";continue}if(typeof d!="function"){if(!d||typeof d!="object"){o[a]=d;continue}if(!n.includes(e[a])){s++,o[a]=ps({from:e[a],seen:n.slice(),forceEnumerable:r,maxDepth:i,depth:s});continue}o[a]="[Circular]"}}for(let{property:a,enumerable:d}of Gh)typeof e[a]=="string"&&Object.defineProperty(o,a,{value:e[a],enumerable:r?!0:d,configurable:!0,writable:!0});return o},Wh=(e,n={})=>{let{maxDepth:t=Number.POSITIVE_INFINITY}=n;return typeof e=="object"&&e!==null?ps({from:e,seen:[],forceEnumerable:!0,maxDepth:t,depth:0}):typeof e=="function"?`[Function: ${e.name||"anonymous"}]`:e},Qh=(e,n={})=>{let{maxDepth:t=Number.POSITIVE_INFINITY}=n;if(e instanceof Error)return e;if(typeof e=="object"&&e!==null&&!Array.isArray(e)){let r=new Error;return ps({from:e,seen:[],to_:r,maxDepth:t,depth:0}),r}return new us(e)};ll.exports={serializeError:Wh,deserializeError:Qh}});var pl=I((zb,fl)=>{"use strict";var eg=qt(),ul=kt(),{extendContextLoader:hs,strictDocumentLoader:gs}=ds(),{serializeError:tg}=dl();fl.exports=class{async add(n,{suite:t,purpose:r,documentLoader:i}={}){if(!t)throw new TypeError('"options.suite" is required.');if(!r)throw new TypeError('"options.purpose" is required.');i?i=hs(i):i=gs;let s={...n};delete s.proof;let o=ys({document:n}),a=await t.createProof({document:s,purpose:r,proofSet:o,documentLoader:i});return ul.addValue(n,"proof",a),n}async derive(n,{suite:t,purpose:r,documentLoader:i}={}){if(!t)throw new TypeError('"options.suite" is required.');if(!r)throw new TypeError('"options.purpose" is required.');i?i=hs(i):i=gs;let s={...n};delete s.proof;let o=ys({document:n});return await t.derive({document:s,purpose:r,proofSet:o,documentLoader:i})}async verify(n,{suite:t,purpose:r,documentLoader:i}={}){if(!t)throw new TypeError('"options.suite" is required.');if(!r)throw new TypeError('"options.purpose" is required.');let s=Array.isArray(t)?t:[t];if(s.length===0)throw new TypeError("At least one suite is required.");i?i=hs(i):i=gs;try{n={...n};let o=ys({document:n});if(o.length===0)throw new Error("No matching proofs found in the given document.");delete n.proof;let a=await ng({document:n,suites:s,proofSet:o,purpose:r,documentLoader:i});if(a.length===0){let c=new Error("Did not verify any proofs; insufficient proofs matched the acceptable suite(s) and required purpose(s).");throw c.name="NotFoundError",c}let d=a.some(c=>c.verified);if(!d){let c=[].concat(...a.filter(h=>h.error).map(h=>h.error)),u={verified:d,results:a};return c.length>0&&(u.error=c),u}return{verified:d,results:a}}catch(o){return ws(o),{verified:!1,error:o}}}};function ys({document:e}){let n;n=ul.getValues(e,"proof");let t=e["@context"]||eg.SECURITY_CONTEXT_URL;return n=n.map(r=>{let{cryptosuite:i}=r;return i?.includes?.("-jcs-")?r:{"@context":t,...r}}),n}async function ng({document:e,suites:n,proofSet:t,purpose:r,documentLoader:i}){let s=Array.isArray(r)?r:[r],o=new Map,a=new Map,d=new Map;if(await Promise.all(s.map(u=>rg({purposeToProofs:o,proofToSuite:a,purpose:u,proofSet:t,suites:n,suiteMatchQueue:d,document:e,documentLoader:i}))),o.size<s.length)return[];let c=new Map;return await Promise.all([...a.entries()].map(async([u,h])=>{let f;try{let l,p={async validate(b,{verificationMethod:v}){return l=v,{valid:!0}}},{verified:y,verificationMethod:g,error:w}=await h.verifyProof({proof:u,document:e,purpose:p,proofSet:t,documentLoader:i});l||(l=g),f={proof:u,verified:y,verificationMethod:l,error:w}}catch(l){f={proof:u,verified:!1,error:l}}f.error&&ws(f.error),c.set(u,f)})),await Promise.all([...o.entries()].map(async([u,h])=>{for(let f of h){let l=c.get(f);if(!l.verified)continue;let{verificationMethod:p}=l,y=a.get(f),g;try{g=await u.validate(f,{document:e,suite:y,verificationMethod:p,documentLoader:i})}catch(w){g={valid:!1,error:w}}l.purposeResult?Array.isArray(l.purposeResult)?l.purposeResult.push(g):l.purposeResult=[l.purposeResult,g]:l.purposeResult=g,g.valid||(ws(g.error),l.error||(l.verified=!1,l.error=g.error))}})),[...c.values()]}function ws(e){Object.defineProperty(e,"toJSON",{value:function(){return tg(this)},configurable:!0,writable:!0})}async function rg({purposeToProofs:e,proofToSuite:n,purpose:t,proofSet:r,suites:i,suiteMatchQueue:s,document:o,documentLoader:a}){for(let d of r){if(!await t.match(d,{document:o,documentLoader:a}))continue;let c=!1;for(let u of i){let h=s.get(u);h||s.set(u,h=new Map);let f=h.get(d);if(f||(f=u.matchProof({proof:d,document:o,documentLoader:a}),h.set(d,f)),await f){c=!0,n.set(d,u);break}}if(c){let u=e.get(t);u?u.push(d):e.set(t,[d])}}}});var gl=I((qb,hl)=>{"use strict";var ms=class extends Error{constructor(n){super("Verification error(s)."),this.name="VerificationError",this.errors=[].concat(n)}};hl.exports=ms});var bs=I((Fb,yl)=>{"use strict";yl.exports=class{constructor({type:n}={}){if(typeof n!="string")throw new TypeError('A LinkedDataProof must have a "type".');this.type=n}async createProof({}){throw new Error('"createProof" must be implemented in a derived class.')}async derive({}){throw new Error('"deriveProof" must be implemented in a derived class.')}async verifyProof({}){throw new Error('"verifyProof" must be implemented in a derived class.')}async matchProof({proof:n}){return n.type===this.type}}});var ml=I((Hb,wl)=>{"use strict";var vs={};wl.exports=vs;vs.w3cDate=e=>{e==null?e=new Date:(typeof e=="number"||typeof e=="string")&&(e=new Date(e));let n=e.toISOString();return n.substr(0,n.length-5)+"Z"};vs.concat=(e,n)=>{let t=new Uint8Array(e.length+n.length);return t.set(e,0),t.set(n,e.length),t}});var vl=I((Kb,bl)=>{"use strict";var ig=self&&(self.crypto||self.msCrypto);bl.exports={async sha256digest({string:e}){let n=new TextEncoder().encode(e);return new Uint8Array(await ig.subtle.digest("SHA-256",n))}}});var Tl=I((Xb,Il)=>{"use strict";var _l=qt(),Sl=kt(),sg=Ht(),xl=ml(),{sha256digest:El}=vl(),og=bs();Il.exports=class extends og{constructor({type:n,proof:t,LDKeyClass:r,date:i,key:s,signer:o,verifier:a,useNativeCanonize:d,canonizeOptions:c,contextUrl:u}={}){super({type:n}),this.LDKeyClass=r,this.contextUrl=u,this.proof=t;let h=cg({key:s,signer:o,verifier:a});if(this.verificationMethod=h.verificationMethod,this.key=h.key,this.signer=h.signer,this.verifier=h.verifier,this.canonizeOptions=c,i&&(this.date=new Date(i),isNaN(this.date)))throw TypeError(`"date" "${i}" is not a valid date.`);this.useNativeCanonize=d,this._hashCache=null}async createProof({document:n,purpose:t,proofSet:r,documentLoader:i,expansionMap:s}){if(s)throw new Error('"expansionMap" not supported.');let o;this.proof?o={...this.proof}:o={},o.type=this.type;let a=this.date;o.created===void 0&&a===void 0&&(a=new Date),a&&typeof a!="string"&&(a=xl.w3cDate(a)),a&&(o.created=a),o.verificationMethod=this.verificationMethod,o=await this.updateProof({document:n,proof:o,proofSet:r,purpose:t,documentLoader:i}),o=await t.update(o,{document:n,suite:this,documentLoader:i});let d=await this.createVerifyData({document:n,proof:o,proofSet:r,documentLoader:i});return o=await this.sign({verifyData:d,document:n,proof:o,documentLoader:i}),o}async updateProof({proof:n,expansionMap:t}){if(t)throw new Error('"expansionMap" not supported.');return n}async verifyProof({proof:n,document:t,proofSet:r,documentLoader:i,expansionMap:s}){if(s)throw new Error('"expansionMap" not supported.');try{let o=await this.createVerifyData({document:t,proof:n,proofSet:r,documentLoader:i,expansionMap:s}),a=await this.getVerificationMethod({proof:n,document:t,documentLoader:i,expansionMap:s});if(!await this.verifySignature({verifyData:o,verificationMethod:a,document:t,proof:n,documentLoader:i,expansionMap:s}))throw new Error("Invalid signature.");return{verified:!0,verificationMethod:a}}catch(o){return{verified:!1,error:o}}}async canonize(n,{documentLoader:t,expansionMap:r,skipExpansion:i}){if(r)throw new Error('"expansionMap" not supported.');return lg(n,{algorithm:"RDFC-1.0",base:null,format:"application/n-quads",documentLoader:t,safe:!0,skipExpansion:i,useNative:this.useNativeCanonize,...this.canonizeOptions})}async canonizeProof(n,{document:t,documentLoader:r,expansionMap:i}){if(i)throw new Error('"expansionMap" not supported.');return n={"@context":t["@context"]||_l.SECURITY_CONTEXT_URL,...n},delete n.jws,delete n.signatureValue,delete n.proofValue,this.canonize(n,{documentLoader:r,expansionMap:i,skipExpansion:!1,...this.canonizeOptions})}async createVerifyData({document:n,proof:t,documentLoader:r,expansionMap:i}){if(i)throw new Error('"expansionMap" not supported.');let s,{_hashCache:o}=this;o&&o.document===n?s=o.hash:this._hashCache={document:n,hash:s=this.canonize(n,{documentLoader:r,expansionMap:i}).then(c=>El({string:c}))};let[a,d]=await Promise.all([this.canonizeProof(t,{document:n,documentLoader:r,expansionMap:i}).then(c=>El({string:c})),s]);return xl.concat(a,d)}async derive(){throw new Error("Must be implemented by a derived class.")}async getVerificationMethod({proof:n,documentLoader:t}){let{verificationMethod:r}=n;if(typeof r=="object"&&(r=r.id),!r)throw new Error('No "verificationMethod" found in proof.');let i=await Sl.frame(r,{"@context":_l.SECURITY_CONTEXT_URL,"@embed":"@always",id:r},{documentLoader:t,compactToRelative:!1,safe:!0});if(!i)throw new Error(`Verification method ${r} not found.`);if(i.revoked!==void 0)throw new Error("The verification method has been revoked.");return i}async sign(){throw new Error("Must be implemented by a derived class.")}async verifySignature(){throw new Error("Must be implemented by a derived class.")}ensureSuiteContext({document:n,addSuiteContext:t}){let{contextUrl:r}=this;if(ag({document:n,contextUrl:r}))return;if(!t)throw new TypeError(`The document to be signed must contain this suite's @context, "${r}".`);let i=n["@context"]||[];n["@context"]=Array.isArray(i)?[...i,r]:[i,r]}};function ag({document:e,contextUrl:n}){let t=e["@context"];return t===n||Array.isArray(t)&&t.includes(n)}function cg({key:e,signer:n,verifier:t}){let r={};if(e){if(r.key=e,r.verificationMethod=e.id,typeof e.signer=="function"&&(r.signer=e.signer()),typeof e.verifier=="function"&&(r.verifier=e.verifier()),!(r.signer||r.verifier))throw new TypeError('The "key" parameter must contain a "signer" or "verifier" method.')}else r.verificationMethod=n&&n.id||t&&t.id,r.signer=n,r.verifier=t;if(r.signer&&typeof r.signer.sign!="function")throw new TypeError("A signer API has not been specified.");if(r.verifier&&typeof r.verifier.verify!="function")throw new TypeError("A verifier API has not been specified.");return r}async function lg(e,n){let t={rdfDirection:"i18n-datatype",...n,produceGeneralizedRdf:!1};delete t.format;let r=await Sl.toRDF(e,t);return sg.canonize(r,n)}});var Dl=I((Zb,kl)=>{"use strict";var Al={};kl.exports=Al;Al.suites={LinkedDataProof:bs(),LinkedDataSignature:Tl()}});var _s=I((Yb,Rl)=>{"use strict";Rl.exports=class{constructor({term:n,date:t,maxTimestampDelta:r=1/0}={}){if(n===void 0)throw new Error('"term" is required.');if(r!==void 0&&typeof r!="number")throw new TypeError('"maxTimestampDelta" must be a number.');if(this.term=n,t!==void 0&&(this.date=new Date(t),isNaN(this.date)))throw TypeError(`"date" "${t}" is not a valid date.`);this.maxTimestampDelta=r}async validate(n,{expansionMap:t}){if(t)throw new Error('"expansionMap" not supported.');try{if(this.maxTimestampDelta!==1/0){let r=(this.date||new Date).getTime(),i=this.maxTimestampDelta*1e3,s=new Date(n.created).getTime();if(!(s>=r-i&&s<=r+i))throw new Error("The proof's created timestamp is out of range.")}return{valid:!0}}catch(r){return{valid:!1,error:r}}}async update(n,{expansionMap:t}){if(t)throw new Error('"expansionMap" not supported.');return n.proofPurpose=this.term,n}async match(n,{expansionMap:t}){if(t)throw new Error('"expansionMap" not supported.');return n.proofPurpose===this.term}}});var Hr=I((Qb,Ll)=>{"use strict";var dg=qt(),Ol=kt(),ug=_s(),Nl="https://www.w3.org/ns/did/v1",fg=["assertionMethod","authentication","capabilityInvocation","capabilityDelegation","keyAgreement","verificationMethod"];Ll.exports=class extends ug{constructor({term:n,controller:t,date:r,maxTimestampDelta:i=1/0}={}){if(super({term:n,date:r,maxTimestampDelta:i}),t!==void 0){if(typeof t!="object")throw new TypeError('"controller" must be an object.');this.controller=t}this._termDefinedByDIDContext=fg.includes(n)}async validate(n,{verificationMethod:t,documentLoader:r,expansionMap:i}){try{let s=await super.validate(n,{verificationMethod:t,documentLoader:r,expansionMap:i});if(!s.valid)throw s.error;let{id:o}=t;if(typeof o!="string")throw new Error(`Verification method ID "${t.id}" must be a string.`);let{term:a,_termDefinedByDIDContext:d}=this;if(this.controller)s.controller=this.controller;else{let{controller:u}=t,h;if(u)if(typeof u=="object")h=u.id;else{if(typeof u!="string")throw new TypeError('"controller" must be a string representing a URL.');h=u}let{document:f}=await r(h);!(d&&f["@context"]===Nl||Array.isArray(f["@context"])&&f["@context"][0]===Nl)&&(f=await Ol.frame(f,{"@context":dg.SECURITY_CONTEXT_URL,id:h,[a]:{"@embed":"@never",id:o}},{documentLoader:r,compactToRelative:!1,safe:!0})),s.controller=f}let c=Ol.getValues(s.controller,a);if(s.valid=c.some(u=>u===o||typeof u=="object"&&u.id===o),!s.valid)throw new Error(`Verification method "${t.id}" not authorized by controller for proof purpose "${this.term}".`);return s}catch(s){return{valid:!1,error:s}}}}});var Ml=I((tv,jl)=>{"use strict";var pg=Hr();jl.exports=class extends pg{constructor({term:n="assertionMethod",controller:t,date:r,maxTimestampDelta:i=1/0}={}){super({term:n,controller:t,date:r,maxTimestampDelta:i})}}});var Cl=I((rv,Ul)=>{"use strict";var hg=Hr();Ul.exports=class extends hg{constructor({term:n="authentication",controller:t,challenge:r,date:i,domain:s,maxTimestampDelta:o=1/0}={}){if(super({term:n,controller:t,date:i,maxTimestampDelta:o}),typeof r!="string")throw new TypeError('"challenge" must be a string.');if(s!==void 0&&typeof s!="string")throw new TypeError('"domain" must be a string.');this.challenge=r,this.domain=s}async validate(n,{verificationMethod:t,documentLoader:r,expansionMap:i}){try{if(n.challenge!==this.challenge)throw new Error(`The challenge is not as expected; challenge="${n.challenge}", expected="${this.challenge}"`);if(this.domain!==void 0){let{domain:s}=n;if(!(s===this.domain||Array.isArray(s)&&s.includes(this.domain)))throw new Error(`The domain is not as expected; domain=${JSON.stringify(s)}, expected=${JSON.stringify(this.domain)}`)}return super.validate(n,{verificationMethod:t,documentLoader:r,expansionMap:i})}catch(s){return{valid:!1,error:s}}}async update(n,{document:t,suite:r,documentLoader:i,expansionMap:s}){return n=await super.update(n,{document:t,suite:r,documentLoader:i,expansionMap:s}),n.challenge=this.challenge,this.domain!==void 0&&(n.domain=this.domain),n}}});var $l=I((iv,Bl)=>{"use strict";var Pl={};Bl.exports=Pl;Pl.purposes={AssertionProofPurpose:Ml(),AuthenticationProofPurpose:Cl(),ControllerProofPurpose:Hr(),ProofPurpose:_s()}});var Kr=I((sv,ql)=>{"use strict";var lt={};ql.exports=lt;var gg=qt();Object.assign(lt,gg);var xs=pl(),zl=gl();lt.derive=async function(n,{suite:t,purpose:r,documentLoader:i,addSuiteContext:s=!0}={}){if(typeof n!="object")throw new TypeError('The "document" parameter must be an object.');t.ensureSuiteContext({document:n,addSuiteContext:s});try{return await new xs().derive(n,{suite:t,purpose:r,documentLoader:i})}catch(o){if(!i&&o.name==="jsonld.InvalidUrl"){let{details:{url:a}}=o,d=new Error(`A URL "${a}" could not be fetched; you need to pass "documentLoader" or resolve the URL before calling "derive".`);throw d.cause=o,d}throw o}};lt.sign=async function(n,{suite:t,purpose:r,documentLoader:i,expansionMap:s,addSuiteContext:o=!0}={}){if(s)throw new Error('"expansionMap" not supported.');if(typeof n!="object")throw new TypeError('The "document" parameter must be an object.');t.ensureSuiteContext({document:n,addSuiteContext:o});try{return await new xs().add(n,{suite:t,purpose:r,documentLoader:i})}catch(a){if(!i&&a.name==="jsonld.InvalidUrl"){let{details:{url:d}}=a,c=new Error(`A URL "${d}" could not be fetched; you need to pass "documentLoader" or resolve the URL before calling "sign".`);throw c.cause=a,c}throw a}};lt.verify=async function(n,{suite:t,purpose:r,documentLoader:i,expansionMap:s}={}){if(s)throw new Error('"expansionMap" not supported.');if(typeof n!="object")throw new TypeError('The "document" parameter must be an object.');let o=await new xs().verify(n,{suite:t,purpose:r,documentLoader:i}),{error:a}=o;if(a)if(!i&&a.name==="jsonld.InvalidUrl"){let{details:{url:d}}=a,c=new Error(`A URL "${d}" could not be fetched; you need to pass "documentLoader" or resolve the URL before calling "verify".`);o.error=new zl(c)}else o.error=new zl(a);return o};lt.suites=Dl().suites;lt.purposes=$l().purposes;Object.assign(lt,ds())});var Xl=I(()=>{});var Mo={};function Uo(e,n,t){if(!(e instanceof Uint8Array))throw new TypeError('"input" must be a Uint8Array.');if(typeof n!="string")throw new TypeError('"alphabet" must be a string.');if(t!==void 0&&typeof t!="number")throw new TypeError('"maxline" must be a number.');if(e.length===0)return"";let r="",i=0,s=n.length,o=n.charAt(0),a=[0];for(i=0;i<e.length;++i){let d=e[i];for(let c=0;c<a.length;++c)d+=a[c]<<8,a[c]=d%s,d=d/s|0;for(;d>0;)a.push(d%s),d=d/s|0}for(i=0;e[i]===0&&i<e.length-1;++i)r+=o;for(i=a.length-1;i>=0;--i)r+=n[a[i]];if(t){let d=new RegExp(".{1,"+t+"}","g");r=r.match(d).join(`\r
`)}return r}function Co(e,n){if(typeof e!="string")throw new TypeError('"input" must be a string.');if(typeof n!="string")throw new TypeError('"alphabet" must be a string.');if(e.length===0)return new Uint8Array;let t=Mo[n];if(!t){t=Mo[n]=[];for(let o=0;o<n.length;++o)t[n.charCodeAt(o)]=o}e=e.replace(/\s/g,"");let r=n.length,i=n.charAt(0),s=[0];for(let o=0;o<e.length;o++){let a=t[e.charCodeAt(o)];if(a===void 0)return;let d=a;for(let c=0;c<s.length;++c)d+=s[c]*r,s[c]=d&255,d>>=8;for(;d>0;)s.push(d&255),d>>=8}for(let o=0;e[o]===i&&o<e.length-1;++o)s.push(0);return new Uint8Array(s.reverse())}var Po="123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";function wr(e,n){return Uo(e,Po,n)}function et(e){return Co(e,Po)}var mr="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",br=[62,-1,-1,52,53,54,55,56,57,58,59,60,61,-1,-1,-1,64,-1,-1,-1,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,-1,-1,-1,-1,63,-1,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51];function vr(e){if(!(e instanceof Uint8Array||typeof e=="string"))throw new TypeError('"input" be a string or Uint8Array.');typeof e=="string"&&(e=new TextEncoder().encode(e));let n="",t,r,i,s=0;for(;s<e.byteLength;)t=e[s++],r=e[s++],i=e[s++],n+=mr.charAt(t>>2),n+=mr.charAt((t&3)<<4|r>>4),isNaN(r)||(n+=mr.charAt((r&15)<<2|i>>6),isNaN(i)||(n+=mr.charAt(i&63)));return n}function tt(e){let n=e.length,t=n%4;if(t===1)throw new Error("Illegal base64 string.");let r=0;t>0&&(r=4-t,n+=r);let i=new Uint8Array(n/4*3-r),s,o,a,d,c=0,u=0;for(;c<n;)s=br[e.charCodeAt(c++)-45],o=br[e.charCodeAt(c++)-45],i[u++]=s<<2|o>>4,c<e.length&&(a=br[e.charCodeAt(c++)-45],i[u++]=(o&15)<<4|a>>2,c<e.length&&(d=br[e.charCodeAt(c++)-45],i[u++]=(a&3)<<6|d));return i}var Bo=e=>(e==null?e=new Date:(typeof e=="number"||typeof e=="string")&&(e=new Date(e)),e.toISOString().slice(0,-5)+"Z"),$0=new RegExp("(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$"),Xf=new RegExp("-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](.[0-9]+)?|(24:00:00(.0+)?))(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"),mi=e=>Xf.test(e);var $o=(e,n)=>{let t=new Uint8Array(e.length+n.length);return t.set(e,0),t.set(n,e.length),t};var Hl=$e(Kr(),1);var yg=self&&(self.crypto||self.msCrypto);async function Es({string:e}){let n=new TextEncoder().encode(e);return new Uint8Array(await yg.subtle.digest("SHA-256",n))}var{suites:{LinkedDataProof:wg}}=Hl.default,Vl="z",mg="u",bg="https://w3id.org/security/data-integrity/v2",vg="https://w3id.org/security/data-integrity/v1",_g="DataIntegrityProof",xg="https://www.w3.org/ns/credentials/v2",jn=class extends wg{constructor({signer:n,date:t,cryptosuite:r,legacyContext:i=!1}={}){super({type:_g});let{canonize:s,createVerifier:o,name:a,requiredAlgorithm:d,derive:c,createProofValue:u,createVerifyData:h}=r;if(!(o&&typeof o=="function"))throw new TypeError('"cryptosuite.createVerifier" must be a function.');if(c&&typeof c!="function")throw new TypeError('"cryptosuite.derive" must be a function.');if(u&&typeof u!="function")throw new TypeError('"cryptosuite.createProofValue" must be a function.');if(h&&typeof h!="function")throw new TypeError('"cryptosuite.createVerifyData" must be a function.');if(this.contextUrl=bg,i&&(this.contextUrl=vg),this.canonize=s,this.createVerifier=o,this.cryptosuite=a,this._cryptosuite=r,this.requiredAlgorithm=d,t){if(this.date=new Date(t),isNaN(this.date))throw TypeError(`"date" "${t}" is not a valid date.`)}else t===null&&(this.date=null);let f=Eg({signer:n,requiredAlgorithm:d});this.verificationMethod=f.verificationMethod,this.signer=f.signer}async sign({verifyData:n,proof:t}){if(!(this.signer&&typeof this.signer.sign=="function"))throw new Error("A signer API has not been specified.");let r=await this.signer.sign({data:n});return t.proofValue=Vl+wr(r),t}async verifySignature({verifyData:n,verificationMethod:t,proof:r}){let i=await this.createVerifier({verificationMethod:t});if(!(Array.isArray(this.requiredAlgorithm)?this.requiredAlgorithm.includes(i.algorithm):this.requiredAlgorithm===i.algorithm)){let c=Array.isArray(this.requiredAlgorithm)?this.requiredAlgorithm.join(", "):this.requiredAlgorithm,u=Array.isArray(this.requiredAlgorithm)?`is not a supported algorithm for the cryptosuite. The supported algorithms are: "${c}".`:`does not match the required algorithm for the cryptosuite "${c}".`,h=`The verifier's algorithm "${i.algorithm}" ${u}`;throw new Error(h)}let{proofValue:o}=r;if(!(o&&typeof o=="string"))throw new TypeError('The proof does not include a valid "proofValue" property.');let a=o[0],d;if(a===Vl)d=et(o.slice(1));else if(a===mg)d=tt(o.slice(1));else throw new Error("Only base58btc or base64url multibase encoding is supported.");return i.verify({data:n,signature:d})}async createProof({document:n,purpose:t,proofSet:r,documentLoader:i}){let s;this.proof?s={...this.proof}:s={},s.type=this.type;let o=this.date;s.created===void 0&&o===void 0&&(o=new Date),o&&typeof o!="string"&&(o=Bo(o)),o&&(s.created=o),s.verificationMethod=this.verificationMethod,s.cryptosuite=this.cryptosuite,s=await this.updateProof({document:n,proof:s,purpose:t,proofSet:r,documentLoader:i}),s=await t.update(s,{document:n,suite:this,documentLoader:i});let a;return this._cryptosuite.createVerifyData?a=await this._cryptosuite.createVerifyData({cryptosuite:this._cryptosuite,document:n,proof:s,proofSet:r,documentLoader:i,dataIntegrityProof:this}):a=await this.createVerifyData({document:n,proof:s,proofSet:r,documentLoader:i}),this._cryptosuite.createProofValue?s.proofValue=await this._cryptosuite.createProofValue({cryptosuite:this._cryptosuite,verifyData:a,document:n,proof:s,proofSet:r,documentLoader:i,dataIntegrityProof:this}):s=await this.sign({verifyData:a,document:n,proof:s,proofSet:r,documentLoader:i}),s}async derive({document:n,purpose:t,proofSet:r,documentLoader:i}){if(!this._cryptosuite.derive)throw new Error('"cryptosuite.derive" not provided.');return this._cryptosuite.derive({cryptosuite:this._cryptosuite,document:n,purpose:t,proofSet:r,documentLoader:i,dataIntegrityProof:this})}async updateProof({proof:n}){return n}async verifyProof({proof:n,proofSet:t,document:r,documentLoader:i}){try{let s=await this.getVerificationMethod({proof:n,documentLoader:i}),o;if(this._cryptosuite.createVerifyData?o=await this._cryptosuite.createVerifyData({cryptosuite:this._cryptosuite,document:r,proof:n,proofSet:t,documentLoader:i,dataIntegrityProof:this,verificationMethod:s}):o=await this.createVerifyData({document:r,proof:n,proofSet:t,documentLoader:i,verificationMethod:s}),!await this.verifySignature({verifyData:o,verificationMethod:s,proof:n}))throw new Error("Invalid signature.");if(n.created!==void 0&&!mi(n.created))throw new Error(`"proof.created" ("${n.created}") must be an XSD dateTimeStamp.`);if(n.expires!==void 0&&!mi(n.expires))throw new Error(`"proof.expires" ("${n.expires}") must be an XSD dateTimeStamp.`);return{verified:!0,verificationMethod:s}}catch(s){return{verified:!1,error:s}}}async createVerifyData({document:n,proof:t,documentLoader:r}){let i,{_hashCache:s}=this;s&&s.document===n?i=s.hash:this._hashCache={document:n,hash:i=this.canonize(n,{documentLoader:r,base:null,safe:!0}).then(d=>Es({string:d}))};let[o,a]=await Promise.all([this.canonizeProof(t,{document:n,documentLoader:r}).then(d=>Es({string:d})),i]);return $o(o,a)}async getVerificationMethod({proof:n,documentLoader:t}){let{verificationMethod:r}=n;if(typeof r=="object"&&(r=r.id),!r)throw new Error('No "verificationMethod" found in proof.');let i=await t(r);if(!i)throw new Error(`Unable to load verification method "${r}".`);let{document:s}=i;return r=typeof s=="string"?JSON.parse(s):s,r}async canonizeProof(n,{documentLoader:t,document:r}){return n={"@context":r["@context"],...n},this.ensureSuiteContext({document:n,addSuiteContext:!0}),delete n.proofValue,this.canonize(n,{documentLoader:t,safe:!0,base:null,skipExpansion:!1})}async matchProof({proof:n}){let{type:t,cryptosuite:r}=n;return t===this.type&&r===this.cryptosuite}ensureSuiteContext({document:n,addSuiteContext:t}){let{contextUrl:r}=this;if(Fl({document:n,contextUrl:r})||Fl({document:n,contextUrl:xg}))return;if(!t)throw new TypeError(`The document to be signed must contain this suite's @context, "${r}".`);let i=n["@context"]||[];n["@context"]=Array.isArray(i)?[...i,r]:[i,r]}};function Fl({document:e,contextUrl:n}){let t=e["@context"];return t===n||Array.isArray(t)&&t.includes(n)}function Eg({signer:e,requiredAlgorithm:n}){let t={verificationMethod:void 0,signer:void 0};if(!e)return t;if(typeof e.sign!="function")throw new TypeError("A signer API has not been specified.");if(!(Array.isArray(n)?n.includes(e.algorithm):n===e.algorithm)){let i=Array.isArray(n)?n.join(", "):n,s=Array.isArray(n)?`is not a supported algorithm for the cryptosuite. The supported algorithms are: "${i}".`:`does not match the required algorithm for the cryptosuite "${i}".`,o=`The signer's algorithm "${e.algorithm}" ${s}`;throw new Error(o)}return t.signer=e,t.verificationMethod=e.id,t}var Kl=$e(Yi(),1);async function Jl(e){return(0,Kl.default)(e)}var Sg=$e(Xl(),1);var X=BigInt(0),N=BigInt(1),Qt=BigInt(2),Ig=BigInt(8),Zl=BigInt("7237005577332262213973186563042994240857116359379907606001950938285454250989"),P=Object.freeze({a:BigInt(-1),d:BigInt("37095705934669439343138083508754565189542113879843219016388785533085940283555"),P:BigInt("57896044618658097711785492504343953926634992332820282019728792003956564819949"),l:Zl,n:Zl,h:BigInt(8),Gx:BigInt("15112221349535400772501151409588531511454012693041857206046113283949847762202"),Gy:BigInt("46316835694926478169428394003475163141307993866256225615783033603165251855960")});var td=BigInt("0x10000000000000000000000000000000000000000000000000000000000000000"),Mn=BigInt("19681161376707505956807079304988542015446066515923890162744021073123829784752"),hv=BigInt("6853475219497561581579357271197624642482790079785650197046958215289687604742"),Tg=BigInt("25063068953384623474111414158702152701244531502492656460079210482610430750235"),Ag=BigInt("54469307008909316920995813868745141605393597292927456921205312896311721017578"),kg=BigInt("1159843021668779879193775521855586647937357759715417654439879720876111806838"),Dg=BigInt("40440834346308536858101042469323190826248399146238708352240133220865137265952"),F=class e{constructor(n,t,r,i){this.x=n,this.y=t,this.z=r,this.t=i}static fromAffine(n){if(!(n instanceof q))throw new TypeError("ExtendedPoint#fromAffine: expected Point");return n.equals(q.ZERO)?e.ZERO:new e(n.x,n.y,N,E(n.x*n.y))}static toAffineBatch(n){let t=Ng(n.map(r=>r.z));return n.map((r,i)=>r.toAffine(t[i]))}static normalizeZ(n){return this.toAffineBatch(n).map(this.fromAffine)}equals(n){Yl(n);let{x:t,y:r,z:i}=this,{x:s,y:o,z:a}=n,d=E(t*a),c=E(s*i),u=E(r*a),h=E(o*i);return d===c&&u===h}negate(){return new e(E(-this.x),this.y,this.z,E(-this.t))}double(){let{x:n,y:t,z:r}=this,{a:i}=P,s=E,o=s(n*n),a=s(t*t),d=s(Qt*s(r*r)),c=s(i*o),u=n+t,h=s(s(u*u)-o-a),f=c+a,l=f-d,p=c-a,y=s(h*l),g=s(f*p),w=s(h*p),b=s(l*f);return new e(y,g,b,w)}add(n){let{x:t,y:r,z:i,t:s}=this;Yl(n);let{x:o,y:a,z:d,t:c}=n,{a:u,d:h}=P,f=E,l=f(t*o),p=f(r*a),y=f(s*h*c),g=f(i*d),w=f((t+r)*(o+a)-l-p),b=f(g-y),v=f(g+y),m=f(p-u*l),x=f(w*b),_=f(v*m),S=f(w*m),T=f(b*v);return new e(x,_,T,S)}subtract(n){return this.add(n.negate())}precomputeWindow(n){let t=1+256/n,r=[],i=this,s=i;for(let o=0;o<t;o++){s=i,r.push(s);for(let a=1;a<2**(n-1);a++)s=s.add(i),r.push(s);i=s.double()}return r}wNAF(n,t){!t&&this.equals(e.BASE)&&(t=q.BASE);let r=t&&t._WINDOW_SIZE||1;if(256%r)throw new Error("Point#wNAF: Invalid precomputation window, must be power of 2");let i=t&&ks.get(t);i||(i=this.precomputeWindow(r),t&&r!==1&&(i=e.normalizeZ(i),ks.set(t,i)));let s=e.ZERO,o=e.BASE,a=1+256/r,d=2**(r-1),c=BigInt(2**r-1),u=2**r,h=BigInt(r);for(let f=0;f<a;f++){let l=f*d,p=Number(n&c);n>>=h,p>d&&(p-=u,n+=N);let y=l,g=l+Math.abs(p)-1,w=f%2!==0,b=p<0;p===0?o=o.add(Gl(w,i[y])):s=s.add(Gl(b,i[g]))}return e.normalizeZ([s,o])[0]}multiply(n,t){return this.wNAF(Xr(n,P.l),t)}multiplyUnsafe(n){let t=Xr(n,P.l,!1),r=e.BASE,i=e.ZERO;if(t===X)return i;if(this.equals(i)||t===N)return this;if(this.equals(r))return this.wNAF(t);let s=i,o=this;for(;t>X;)t&N&&(s=s.add(o)),o=o.double(),t>>=N;return s}isSmallOrder(){return this.multiplyUnsafe(P.h).equals(e.ZERO)}isTorsionFree(){let n=this.multiplyUnsafe(P.l/Qt).double();return P.l%Qt&&(n=n.add(this)),n.equals(e.ZERO)}toAffine(n){let{x:t,y:r,z:i}=this,s=this.equals(e.ZERO);n==null&&(n=s?Ig:Zr(i));let o=E(t*n),a=E(r*n),d=E(i*n);if(s)return q.ZERO;if(d!==N)throw new Error("invZ was invalid");return new q(o,a)}fromRistrettoBytes(){Is()}toRistrettoBytes(){Is()}fromRistrettoHash(){Is()}};F.BASE=new F(P.Gx,P.Gy,N,E(P.Gx*P.Gy));F.ZERO=new F(X,N,N,X);function Gl(e,n){let t=n.negate();return e?t:n}function Yl(e){if(!(e instanceof F))throw new TypeError("ExtendedPoint expected")}function Ss(e){if(!(e instanceof Dt))throw new TypeError("RistrettoPoint expected")}function Is(){throw new Error("Legacy method: switch to RistrettoPoint")}var Dt=class e{constructor(n){this.ep=n}static calcElligatorRistrettoMap(n){let{d:t}=P,r=E(Mn*n*n),i=E((r+N)*kg),s=BigInt(-1),o=E((s-t*r)*E(r+t)),{isValid:a,value:d}=Os(i,o),c=E(d*n);ut(c)||(c=E(-c)),a||(d=c),a||(s=r);let u=E(s*(r-N)*Dg-o),h=d*d,f=E((d+d)*o),l=E(u*Tg),p=E(N-h),y=E(N+h);return new F(E(f*y),E(p*l),E(l*y),E(f*p))}static hashToCurve(n){n=ft(n,64);let t=Ts(n.slice(0,32)),r=this.calcElligatorRistrettoMap(t),i=Ts(n.slice(32,64)),s=this.calcElligatorRistrettoMap(i);return new e(r.add(s))}static fromHex(n){n=ft(n,32);let{a:t,d:r}=P,i="RistrettoPoint.fromHex: the hex is not valid encoding of RistrettoPoint",s=Ts(n);if(!jg(Cn(s),n)||ut(s))throw new Error(i);let o=E(s*s),a=E(N+t*o),d=E(N-t*o),c=E(a*a),u=E(d*d),h=E(t*r*c-u),{isValid:f,value:l}=ed(E(h*u)),p=E(l*d),y=E(l*p*h),g=E((s+s)*p);ut(g)&&(g=E(-g));let w=E(a*y),b=E(g*w);if(!f||ut(b)||w===X)throw new Error(i);return new e(new F(g,w,N,b))}toRawBytes(){let{x:n,y:t,z:r,t:i}=this.ep,s=E(E(r+t)*E(r-t)),o=E(n*t),a=E(o*o),{value:d}=ed(E(s*a)),c=E(d*s),u=E(d*o),h=E(c*u*i),f;if(ut(i*h)){let p=E(t*Mn),y=E(n*Mn);n=p,t=y,f=E(c*Ag)}else f=u;ut(n*h)&&(t=E(-t));let l=E((r-t)*f);return ut(l)&&(l=E(-l)),Cn(l)}toHex(){return Pn(this.toRawBytes())}toString(){return this.toHex()}equals(n){Ss(n);let t=this.ep,r=n.ep,i=E(t.x*r.y)===E(t.y*r.x),s=E(t.y*r.y)===E(t.x*r.x);return i||s}add(n){return Ss(n),new e(this.ep.add(n.ep))}subtract(n){return Ss(n),new e(this.ep.subtract(n.ep))}multiply(n){return new e(this.ep.multiply(n))}multiplyUnsafe(n){return new e(this.ep.multiplyUnsafe(n))}};Dt.BASE=new Dt(F.BASE);Dt.ZERO=new Dt(F.ZERO);var ks=new WeakMap,q=class e{constructor(n,t){this.x=n,this.y=t}_setWindowSize(n){this._WINDOW_SIZE=n,ks.delete(this)}static fromHex(n,t=!0){let{d:r,P:i}=P;n=ft(n,32);let s=n.slice();s[31]=n[31]&-129;let o=Bn(s);if(t&&o>=i)throw new Error("Expected 0 < hex < P");if(!t&&o>=td)throw new Error("Expected 0 < hex < 2**256");let a=E(o*o),d=E(a-N),c=E(r*a+N),{isValid:u,value:h}=Os(d,c);if(!u)throw new Error("Point.fromHex: invalid y coordinate");let f=(h&N)===N;return(n[31]&128)!==0!==f&&(h=E(-h)),new e(h,o)}static async fromPrivateKey(n){return(await Ns(n)).point}toRawBytes(){let n=Cn(this.y);return n[31]|=this.x&N?128:0,n}toHex(){return Pn(this.toRawBytes())}toX25519(){let{y:n}=this,t=E((N+n)*Zr(N-n));return Cn(t)}isTorsionFree(){return F.fromAffine(this).isTorsionFree()}equals(n){return this.x===n.x&&this.y===n.y}negate(){return new e(E(-this.x),this.y)}add(n){return F.fromAffine(this).add(F.fromAffine(n)).toAffine()}subtract(n){return this.add(n.negate())}multiply(n){return F.fromAffine(this).multiply(n,this).toAffine()}};q.BASE=new q(P.Gx,P.Gy);q.ZERO=new q(X,N);var Un=class e{constructor(n,t){this.r=n,this.s=t,this.assertValidity()}static fromHex(n){let t=ft(n,64),r=q.fromHex(t.slice(0,32),!1),i=Bn(t.slice(32,64));return new e(r,i)}assertValidity(){let{r:n,s:t}=this;if(!(n instanceof q))throw new Error("Expected Point instance");return Xr(t,P.l,!1),this}toRawBytes(){let n=new Uint8Array(64);return n.set(this.r.toRawBytes()),n.set(Cn(this.s),32),n}toHex(){return Pn(this.toRawBytes())}};function nd(e){return e instanceof Uint8Array||ArrayBuffer.isView(e)&&e.constructor.name==="Uint8Array"}function Ds(e){if(!nd(e))throw new Error("Uint8Array expected")}function Wl(...e){if(e.every(Ds),e.length===1)return e[0];let n=e.reduce((r,i)=>r+i.length,0),t=new Uint8Array(n);for(let r=0,i=0;r<e.length;r++){let s=e[r];t.set(s,i),i+=s.length}return t}var Rg=Array.from({length:256},(e,n)=>n.toString(16).padStart(2,"0"));function Pn(e){Ds(e);let n="";for(let t=0;t<e.length;t++)n+=Rg[e[t]];return n}var Ze={_0:48,_9:57,A:65,F:70,a:97,f:102};function Ql(e){if(e>=Ze._0&&e<=Ze._9)return e-Ze._0;if(e>=Ze.A&&e<=Ze.F)return e-(Ze.A-10);if(e>=Ze.a&&e<=Ze.f)return e-(Ze.a-10)}function Rs(e){if(typeof e!="string")throw new Error("hex string expected, got "+typeof e);let n=e.length,t=n/2;if(n%2)throw new Error("hex string expected, got unpadded hex of length "+n);let r=new Uint8Array(t);for(let i=0,s=0;i<t;i++,s+=2){let o=Ql(e.charCodeAt(s)),a=Ql(e.charCodeAt(s+1));if(o===void 0||a===void 0){let d=e[s]+e[s+1];throw new Error('hex string expected, got non-hex character "'+d+'" at index '+s)}r[i]=o*16+a}return r}function rd(e){let t=e.toString(16).padStart(64,"0");return Rs(t)}function Cn(e){return rd(e).reverse()}function ut(e){return(E(e)&N)===N}function Bn(e){return Ds(e),BigInt("0x"+Pn(Uint8Array.from(e).reverse()))}var Og=BigInt("0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff");function Ts(e){return E(Bn(e)&Og)}function E(e,n=P.P){let t=e%n;return t>=X?t:n+t}function Zr(e,n=P.P){if(e===X||n<=X)throw new Error(`invert: expected positive integers, got n=${e} mod=${n}`);let t=E(e,n),r=n,i=X,s=N,o=N,a=X;for(;t!==X;){let c=r/t,u=r%t,h=i-o*c,f=s-a*c;r=t,t=u,i=o,s=a,o=h,a=f}if(r!==N)throw new Error("invert: does not exist");return E(i,n)}function Ng(e,n=P.P){let t=new Array(e.length),r=e.reduce((s,o,a)=>o===X?s:(t[a]=s,E(s*o,n)),N),i=Zr(r,n);return e.reduceRight((s,o,a)=>o===X?s:(t[a]=E(s*t[a],n),E(s*o,n)),i),t}function Re(e,n){let{P:t}=P,r=e;for(;n-- >X;)r*=r,r%=t;return r}function Lg(e){let{P:n}=P,t=BigInt(5),r=BigInt(10),i=BigInt(20),s=BigInt(40),o=BigInt(80),d=e*e%n*e%n,c=Re(d,Qt)*d%n,u=Re(c,N)*e%n,h=Re(u,t)*u%n,f=Re(h,r)*h%n,l=Re(f,i)*f%n,p=Re(l,s)*l%n,y=Re(p,o)*p%n,g=Re(y,o)*p%n,w=Re(g,r)*h%n;return{pow_p_5_8:Re(w,Qt)*e%n,b2:d}}function Os(e,n){let t=E(n*n*n),r=E(t*t*n),i=Lg(e*r).pow_p_5_8,s=E(e*t*i),o=E(n*s*s),a=s,d=E(s*Mn),c=o===e,u=o===E(-e),h=o===E(-e*Mn);return c&&(s=a),(u||h)&&(s=d),ut(s)&&(s=E(-s)),{isValid:c||u,value:s}}function ed(e){return Os(N,e)}function Jr(e){return E(Bn(e),P.l)}function jg(e,n){if(e.length!==n.length)return!1;for(let t=0;t<e.length;t++)if(e[t]!==n[t])return!1;return!0}function ft(e,n){let t=nd(e)?Uint8Array.from(e):Rs(e);if(typeof n=="number"&&t.length!==n)throw new Error(`Expected ${n} bytes`);return t}function Xr(e,n,t=!0){if(!n)throw new TypeError("Specify max value");if(typeof e=="number"&&Number.isSafeInteger(e)&&(e=BigInt(e)),typeof e=="bigint"&&e<n){if(t){if(X<e)return e}else if(X<=e)return e}throw new TypeError("Expected valid scalar: 0 < scalar < max")}function Mg(e){return e[0]&=248,e[31]&=127,e[31]|=64,e}function Ug(e){if(e=typeof e=="bigint"||typeof e=="number"?rd(Xr(e,td)):ft(e),e.length!==32)throw new Error("Expected 32 bytes");return e}function Cg(e){let n=Mg(e.slice(0,32)),t=e.slice(32,64),r=Jr(n),i=q.BASE.multiply(r),s=i.toRawBytes();return{head:n,prefix:t,scalar:r,point:i,pointBytes:s}}var As;async function Ns(e){return Cg(await en.sha512(Ug(e)))}async function id(e,n){e=ft(e);let{prefix:t,scalar:r,pointBytes:i}=await Ns(n),s=Jr(await en.sha512(t,e)),o=q.BASE.multiply(s),a=Jr(await en.sha512(o.toRawBytes(),i,e)),d=E(s+a*r,P.l);return new Un(o,d).toRawBytes()}function Pg(e,n,t){n=ft(n),t instanceof q||(t=q.fromHex(t,!1));let{r,s:i}=e instanceof Un?e.assertValidity():Un.fromHex(e),s=F.BASE.multiplyUnsafe(i);return{r,s:i,SB:s,pub:t,msg:n}}function Bg(e,n,t,r){let i=Jr(r),s=F.fromAffine(e).multiplyUnsafe(i);return F.fromAffine(n).add(s).subtract(t).multiplyUnsafe(P.h).equals(F.ZERO)}async function sd(e,n,t){let{r,SB:i,msg:s,pub:o}=Pg(e,n,t),a=await en.sha512(r.toRawBytes(),o.toRawBytes(),s);return Bg(o,r,i,a)}q.BASE._setWindowSize(8);var dt={node:Sg,web:typeof self=="object"&&"crypto"in self?self.crypto:void 0},en={bytesToHex:Pn,hexToBytes:Rs,concatBytes:Wl,getExtendedPublicKey:Ns,mod:E,invert:Zr,TORSION_SUBGROUP:["0100000000000000000000000000000000000000000000000000000000000000","c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a","0000000000000000000000000000000000000000000000000000000000000080","26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05","ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f","26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85","0000000000000000000000000000000000000000000000000000000000000000","c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"],hashToPrivateScalar:e=>{if(e=ft(e),e.length<40||e.length>1024)throw new Error("Expected 40-1024 bytes of private key as per FIPS 186");return E(Bn(e),P.l-N)+N},randomBytes:(e=32)=>{if(dt.web)return dt.web.getRandomValues(new Uint8Array(e));if(dt.node){let{randomBytes:n}=dt.node;return new Uint8Array(n(e).buffer)}else throw new Error("The environment doesn't have randomBytes function")},randomPrivateKey:()=>en.randomBytes(32),sha512:async(...e)=>{let n=Wl(...e);if(dt.web){let t=await dt.web.subtle.digest("SHA-512",n.buffer);return new Uint8Array(t)}else{if(dt.node)return Uint8Array.from(dt.node.createHash("sha512").update(n).digest());throw new Error("The environment doesn't have sha512 function")}},precompute(e=8,n=q.BASE){let t=n.equals(q.BASE)?n:new q(n.x,n.y);return t._setWindowSize(e),t.multiply(Qt),t},sha512Sync:void 0};Object.defineProperties(en,{sha512Sync:{configurable:!1,get(){return As},set(e){As||(As=e)}}});var zg=globalThis.crypto;if(!zg.getRandomValues)throw new Error('Browser does not provide "crypto.getRandomValues".');async function od(e,n){return id(n,e.slice(0,32))}async function ad(e,n,t){return sd(t,n,e)}var ld="Ed25519";function dd({id:e,secretKey:n}){if(!n)throw new Error("A secret key is not available for signing.");return{algorithm:ld,id:e,async sign({data:t}){return od(n,t)}}}function ud({id:e,publicKey:n}){if(!n)throw new Error("A public key is not available for verifying.");return{algorithm:ld,id:e,async verify({data:t,signature:r}){return ad(n,t,r)}}}var fd="https://w3id.org/security/suites/ed25519-2018/v1",pd="https://w3id.org/security/suites/ed25519-2020/v1";var Ls=new Uint8Array([237,1]),js=new Uint8Array([128,38]),Ie="https://w3id.org/security/multikey/v1",tn=32,Oe=32;function pt({keyPair:e}){let n={};return e.publicKey&&(n.publicKeyMultibase=hd(Ls,e.publicKey)),e.secretKey&&(n.secretKeyMultibase=hd(js,e.secretKey)),n}function gd({publicKeyMultibase:e,secretKeyMultibase:n}){if(!(e&&typeof e=="string"&&e[0]==="z"))throw new Error('"publicKeyMultibase" must be a multibase, base58-encoded string.');let r=et(e.substr(1)).slice(Ls.length),i;if(n){if(!(typeof n=="string"&&n[0]==="z"))throw new Error('"secretKeyMultibase" must be a multibase, base58-encoded string.');i=et(n.substr(1)).slice(js.length)}return{publicKey:r,secretKey:i}}function hd(e,n){let t=new Uint8Array(e.length+n.length);return t.set(e),t.set(n,e.length),"z"+wr(t)}var Vg=Oe+tn;async function yd({keyPair:e,secretKey:n,publicKey:t,includeContext:r,canonicalize:i=!1}={}){if(!(t||n))throw new TypeError('Export requires specifying either "publicKey" or "secretKey".');let s=n&&!!e.secretKey,o={};return r&&(o["@context"]=Ie),o.id=e.id,o.type="Multikey",o.controller=e.controller,t&&(o.publicKeyMultibase=Kg(e)),s&&(o.secretKeyMultibase=Jg({...e,canonicalize:i})),e.revoked&&(o.revoked=e.revoked),o}async function wd({id:e,controller:n,secretKeyMultibase:t,publicKeyMultibase:r,revoked:i}){if(!r)throw new TypeError('The "publicKeyMultibase" property is required.');let{publicKey:s,secretKey:o}=gd({publicKeyMultibase:r,secretKeyMultibase:t});return n&&!e&&(e=`${n}#${r}`),{id:e,controller:n,publicKey:s,secretKey:o,publicKeyMultibase:r,secretKeyMultibase:t,revoked:i}}function Fg({jwk:e}={}){let{kty:n,crv:t,x:r}=e;if(n!=="OKP")throw new TypeError('"jwk.kty" must be "OKP".');if(t!=="Ed25519")throw new TypeError('"jwk.crv" must be "Ed25519".');if(typeof r!="string")throw new TypeError('"jwk.x" must be a string.');let i=tt(e.x);if(i.length!==tn)throw new Error(`Invalid public key size (${i.length}); expected ${tn}.`);return i}function md({jwk:e}={}){let n=Fg({jwk:e}),{publicKeyMultibase:t}=pt({keyPair:{publicKey:n}});return t}function Hg({jwk:e}={}){let{kty:n,crv:t,d:r}=e;if(n!=="OKP")throw new TypeError('"jwk.kty" must be "OKP".');if(t!=="Ed25519")throw new TypeError('"jwk.crv" must be "Ed25519".');if(typeof r!="string")throw new TypeError('"jwk.d" must be a string.');let i=Uint8Array.from(tt(e.d));if(i.length!==Oe)throw new Error(`Invalid secret key size (${i.length}); expected ${Oe}.`);return i}function bd({jwk:e}={}){let n=Hg({jwk:e}),{secretKeyMultibase:t}=pt({keyPair:{secretKey:n}});return t}function Kg({publicKey:e}={}){if(e.length!==tn)throw new Error(`Invalid public key size (${e.length}); expected ${tn}.`);let{publicKeyMultibase:n}=pt({keyPair:{publicKey:e}});return n}function Jg({secretKey:e,canonicalize:n=!1}={}){if(e.length!==Oe){if(e.length!==Vg)throw new Error(`Invalid secret key size (${e.length}); expected ${Oe}.`);n&&(e=e.subarray(0,Oe))}let{secretKeyMultibase:t}=pt({keyPair:{secretKey:e}});return t}var vd=new Map([["Ed25519VerificationKey2020",{contextUrl:pd,translationFn:Xg}],["Ed25519VerificationKey2018",{contextUrl:fd,translationFn:Zg}]]);async function Xg({keyPair:e}){return{...e,type:"Multikey","@context":Ie,secretKeyMultibase:e.privateKeyMultibase}}async function Zg({keyPair:e}){let n={publicKey:et(e.publicKeyBase58),secretKey:void 0};e.privateKeyBase58&&(n.secretKey=et(e.privateKeyBase58));let{publicKeyMultibase:t,secretKeyMultibase:r}=pt({keyPair:n});return{"@context":Ie,id:e.id,type:"Multikey",controller:e.controller,revoked:e.revoked,publicKeyMultibase:t,secretKeyMultibase:r}}async function _d({keyPair:e}){let n=vd.get(e.type);if(!n)throw new Error(`Unsupported key type "${e.type}".`);let{contextUrl:t,translationFn:r}=n;if(e["@context"]||(e["@context"]=t),!Gg({document:e,contextUrl:t}))throw new Error(`Context not supported "${e["@context"]}".`);return r({keyPair:e})}function Gg({document:e,contextUrl:n}){let t=e["@context"];return t===n||Array.isArray(t)&&t.includes(n)}async function Rt(e){let n={...e};if(n.type!=="Multikey"){if(n.publicKeyJwk){let t,r;return(n.type==="JsonWebKey"||n.type==="JsonWebKey2020")&&({id:t,controller:r}=n),Yg({jwk:n.publicKeyJwk,secretKey:!1,id:t,controller:r})}if(n.type)return n=await _d({keyPair:n}),xd({keyPair:n})}return n.type||(n.type="Multikey"),n["@context"]||(n["@context"]=Ie),Wg(n),xd({keyPair:n})}async function Yg({jwk:e,secretKey:n=!1,id:t,controller:r}={}){let i={"@context":Ie,type:"Multikey",publicKeyMultibase:md({jwk:e})};return typeof t=="string"&&(i.id=t),typeof r=="string"&&(i.controller=r),n&&e.d&&(i.secretKeyMultibase=bd({jwk:e})),Rt(i)}async function xd({keyPair:e}){return e.publicKey||(e=await wd(e)),e={...e,async export({publicKey:n=!0,secretKey:t=!1,includeContext:r=!0,raw:i=!1,canonicalize:s=!1}={}){if(i){let{publicKey:o,secretKey:a}=e,d={};return o&&(d.publicKey=o.slice()),a&&(s&&a.length>Oe?d.secretKey=a.subarray(0,Oe).slice():d.secretKey=a),d}return yd({keyPair:e,publicKey:n,secretKey:t,includeContext:r,canonicalize:s})},signer(){let{id:n,secretKey:t}=e;return dd({id:n,secretKey:t})},verifier(){let{id:n,publicKey:t}=e;return ud({id:n,publicKey:t})}},e}function Wg(e){if(!(e&&typeof e=="object"))throw new TypeError('"key" must be an object.');if(e.type!=="Multikey")throw new Error('"key" must be a Multikey with type "Multikey".');if(!(e["@context"]===Ie||Array.isArray(e["@context"])&&e["@context"].includes(Ie)))throw new TypeError(`"key" must be a Multikey with context "${Ie}".`)}async function Ed({verificationMethod:e}){return(await Rt(e)).verifier()}var Gr="eddsa-jcs-2022";var Sd="Ed25519";var Qg=self&&(self.crypto||self.msCrypto),ey="SHA-256";async function Us({string:e}){let n=ey,t=new TextEncoder().encode(e);return new Uint8Array(await Qg.subtle.digest(n,t))}function Id(){return{name:Gr,canonize:Jl,requiredAlgorithm:Sd,createVerifier:Ed,createVerifyData:ty(ny)}}function ty(e){return async function({cryptosuite:n,document:t,proof:r}={}){if(n?.name!==Gr)throw new TypeError(`"cryptosuite.name" must be "${Gr}".`);e({proof:r,document:t});let[i,s]=await Promise.all([ry(r,{cryptosuite:n}).then(o=>Us({string:o})),n.canonize(t).then(o=>Us({string:o}))]);return iy(i,s)}}function ny({proof:e,document:n}){if(e["@context"]){let t=e["@context"];t=Array.isArray(t)?t:[t];let r=n["@context"];r=Array.isArray(r)?r:[r];for(let i=0;i<t.length;i++)if(t[i]!==r[i])throw new Error("document.@context does not start with proof.@context");n["@context"]=e["@context"]}}async function ry(e,{cryptosuite:n}){let t={...e};return delete t.proofValue,n.canonize(t)}function iy(e,n){let t=new Uint8Array(e.length+n.length);return t.set(e,0),t.set(n,e.length),t}var Td=$e(Ht(),1),Ad=$e(kt(),1);async function kd(e,n){n={algorithm:"RDFC-1.0",format:"application/n-quads",base:null,safe:!0,...n};let t={rdfDirection:"i18n-datatype",...n,produceGeneralizedRdf:!1};delete t.format;let r=await Ad.default.toRDF(e,t);return Td.canonize(r,n)}async function Dd({verificationMethod:e}){return(await Rt(e)).verifier()}var Rd="eddsa-rdfc-2022";var Od="Ed25519";var Cs={canonize:kd,createVerifier:Dd,name:Rd,requiredAlgorithm:Od};function Ps(e,n){if(typeof e!="number")throw new TypeError(`"${n}" must be number.`)}function Bs(e,n){if(!(Number.isInteger(e)&&e>0))throw new TypeError(`"${n}" must be a positive integer.`)}function Nd(e,n){if(typeof e!="string")throw new TypeError(`"${n}" must be a string.`)}function $n(e,n){if(typeof e!="boolean")throw new TypeError(`"${n}" must be a boolean.`)}function Ld(e,n){if(!(Number.isInteger(e)&&e>=0))throw new TypeError(`"${n}" must be a non-negative integer.`)}function $s(e,n){if(!(e instanceof Uint8Array))throw new TypeError(`"${n}" must be a Uint8Array.`)}function ln(e){let n=e.length;for(;--n>=0;)e[n]=0}var oy=0,vu=1,ay=2,cy=3,ly=258,uo=29,er=256,Jn=er+1+uo,sn=30,fo=19,_u=2*Jn+1,Ot=15,zs=16,dy=7,po=256,xu=16,Eu=17,Su=18,to=new Uint8Array([0,0,0,0,0,0,0,0,1,1,1,1,2,2,2,2,3,3,3,3,4,4,4,4,5,5,5,5,0]),ni=new Uint8Array([0,0,0,0,1,1,2,2,3,3,4,4,5,5,6,6,7,7,8,8,9,9,10,10,11,11,12,12,13,13]),uy=new Uint8Array([0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,3,7]),Iu=new Uint8Array([16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1,15]),fy=512,Ye=new Array((Jn+2)*2);ln(Ye);var Fn=new Array(sn*2);ln(Fn);var Xn=new Array(fy);ln(Xn);var Zn=new Array(ly-cy+1);ln(Zn);var ho=new Array(uo);ln(ho);var ri=new Array(sn);ln(ri);function qs(e,n,t,r,i){this.static_tree=e,this.extra_bits=n,this.extra_base=t,this.elems=r,this.max_length=i,this.has_stree=e&&e.length}var Tu,Au,ku;function Vs(e,n){this.dyn_tree=e,this.max_code=0,this.stat_desc=n}var Du=e=>e<256?Xn[e]:Xn[256+(e>>>7)],Gn=(e,n)=>{e.pending_buf[e.pending++]=n&255,e.pending_buf[e.pending++]=n>>>8&255},ie=(e,n,t)=>{e.bi_valid>zs-t?(e.bi_buf|=n<<e.bi_valid&65535,Gn(e,e.bi_buf),e.bi_buf=n>>zs-e.bi_valid,e.bi_valid+=t-zs):(e.bi_buf|=n<<e.bi_valid&65535,e.bi_valid+=t)},je=(e,n,t)=>{ie(e,t[n*2],t[n*2+1])},Ru=(e,n)=>{let t=0;do t|=e&1,e>>>=1,t<<=1;while(--n>0);return t>>>1},py=e=>{e.bi_valid===16?(Gn(e,e.bi_buf),e.bi_buf=0,e.bi_valid=0):e.bi_valid>=8&&(e.pending_buf[e.pending++]=e.bi_buf&255,e.bi_buf>>=8,e.bi_valid-=8)},hy=(e,n)=>{let t=n.dyn_tree,r=n.max_code,i=n.stat_desc.static_tree,s=n.stat_desc.has_stree,o=n.stat_desc.extra_bits,a=n.stat_desc.extra_base,d=n.stat_desc.max_length,c,u,h,f,l,p,y=0;for(f=0;f<=Ot;f++)e.bl_count[f]=0;for(t[e.heap[e.heap_max]*2+1]=0,c=e.heap_max+1;c<_u;c++)u=e.heap[c],f=t[t[u*2+1]*2+1]+1,f>d&&(f=d,y++),t[u*2+1]=f,!(u>r)&&(e.bl_count[f]++,l=0,u>=a&&(l=o[u-a]),p=t[u*2],e.opt_len+=p*(f+l),s&&(e.static_len+=p*(i[u*2+1]+l)));if(y!==0){do{for(f=d-1;e.bl_count[f]===0;)f--;e.bl_count[f]--,e.bl_count[f+1]+=2,e.bl_count[d]--,y-=2}while(y>0);for(f=d;f!==0;f--)for(u=e.bl_count[f];u!==0;)h=e.heap[--c],!(h>r)&&(t[h*2+1]!==f&&(e.opt_len+=(f-t[h*2+1])*t[h*2],t[h*2+1]=f),u--)}},Ou=(e,n,t)=>{let r=new Array(Ot+1),i=0,s,o;for(s=1;s<=Ot;s++)i=i+t[s-1]<<1,r[s]=i;for(o=0;o<=n;o++){let a=e[o*2+1];a!==0&&(e[o*2]=Ru(r[a]++,a))}},gy=()=>{let e,n,t,r,i,s=new Array(Ot+1);for(t=0,r=0;r<uo-1;r++)for(ho[r]=t,e=0;e<1<<to[r];e++)Zn[t++]=r;for(Zn[t-1]=r,i=0,r=0;r<16;r++)for(ri[r]=i,e=0;e<1<<ni[r];e++)Xn[i++]=r;for(i>>=7;r<sn;r++)for(ri[r]=i<<7,e=0;e<1<<ni[r]-7;e++)Xn[256+i++]=r;for(n=0;n<=Ot;n++)s[n]=0;for(e=0;e<=143;)Ye[e*2+1]=8,e++,s[8]++;for(;e<=255;)Ye[e*2+1]=9,e++,s[9]++;for(;e<=279;)Ye[e*2+1]=7,e++,s[7]++;for(;e<=287;)Ye[e*2+1]=8,e++,s[8]++;for(Ou(Ye,Jn+1,s),e=0;e<sn;e++)Fn[e*2+1]=5,Fn[e*2]=Ru(e,5);Tu=new qs(Ye,to,er+1,Jn,Ot),Au=new qs(Fn,ni,0,sn,Ot),ku=new qs(new Array(0),uy,0,fo,dy)},Nu=e=>{let n;for(n=0;n<Jn;n++)e.dyn_ltree[n*2]=0;for(n=0;n<sn;n++)e.dyn_dtree[n*2]=0;for(n=0;n<fo;n++)e.bl_tree[n*2]=0;e.dyn_ltree[po*2]=1,e.opt_len=e.static_len=0,e.sym_next=e.matches=0},Lu=e=>{e.bi_valid>8?Gn(e,e.bi_buf):e.bi_valid>0&&(e.pending_buf[e.pending++]=e.bi_buf),e.bi_buf=0,e.bi_valid=0},jd=(e,n,t,r)=>{let i=n*2,s=t*2;return e[i]<e[s]||e[i]===e[s]&&r[n]<=r[t]},Fs=(e,n,t)=>{let r=e.heap[t],i=t<<1;for(;i<=e.heap_len&&(i<e.heap_len&&jd(n,e.heap[i+1],e.heap[i],e.depth)&&i++,!jd(n,r,e.heap[i],e.depth));)e.heap[t]=e.heap[i],t=i,i<<=1;e.heap[t]=r},Md=(e,n,t)=>{let r,i,s=0,o,a;if(e.sym_next!==0)do r=e.pending_buf[e.sym_buf+s++]&255,r+=(e.pending_buf[e.sym_buf+s++]&255)<<8,i=e.pending_buf[e.sym_buf+s++],r===0?je(e,i,n):(o=Zn[i],je(e,o+er+1,n),a=to[o],a!==0&&(i-=ho[o],ie(e,i,a)),r--,o=Du(r),je(e,o,t),a=ni[o],a!==0&&(r-=ri[o],ie(e,r,a)));while(s<e.sym_next);je(e,po,n)},no=(e,n)=>{let t=n.dyn_tree,r=n.stat_desc.static_tree,i=n.stat_desc.has_stree,s=n.stat_desc.elems,o,a,d=-1,c;for(e.heap_len=0,e.heap_max=_u,o=0;o<s;o++)t[o*2]!==0?(e.heap[++e.heap_len]=d=o,e.depth[o]=0):t[o*2+1]=0;for(;e.heap_len<2;)c=e.heap[++e.heap_len]=d<2?++d:0,t[c*2]=1,e.depth[c]=0,e.opt_len--,i&&(e.static_len-=r[c*2+1]);for(n.max_code=d,o=e.heap_len>>1;o>=1;o--)Fs(e,t,o);c=s;do o=e.heap[1],e.heap[1]=e.heap[e.heap_len--],Fs(e,t,1),a=e.heap[1],e.heap[--e.heap_max]=o,e.heap[--e.heap_max]=a,t[c*2]=t[o*2]+t[a*2],e.depth[c]=(e.depth[o]>=e.depth[a]?e.depth[o]:e.depth[a])+1,t[o*2+1]=t[a*2+1]=c,e.heap[1]=c++,Fs(e,t,1);while(e.heap_len>=2);e.heap[--e.heap_max]=e.heap[1],hy(e,n),Ou(t,d,e.bl_count)},Ud=(e,n,t)=>{let r,i=-1,s,o=n[1],a=0,d=7,c=4;for(o===0&&(d=138,c=3),n[(t+1)*2+1]=65535,r=0;r<=t;r++)s=o,o=n[(r+1)*2+1],!(++a<d&&s===o)&&(a<c?e.bl_tree[s*2]+=a:s!==0?(s!==i&&e.bl_tree[s*2]++,e.bl_tree[xu*2]++):a<=10?e.bl_tree[Eu*2]++:e.bl_tree[Su*2]++,a=0,i=s,o===0?(d=138,c=3):s===o?(d=6,c=3):(d=7,c=4))},Cd=(e,n,t)=>{let r,i=-1,s,o=n[1],a=0,d=7,c=4;for(o===0&&(d=138,c=3),r=0;r<=t;r++)if(s=o,o=n[(r+1)*2+1],!(++a<d&&s===o)){if(a<c)do je(e,s,e.bl_tree);while(--a!==0);else s!==0?(s!==i&&(je(e,s,e.bl_tree),a--),je(e,xu,e.bl_tree),ie(e,a-3,2)):a<=10?(je(e,Eu,e.bl_tree),ie(e,a-3,3)):(je(e,Su,e.bl_tree),ie(e,a-11,7));a=0,i=s,o===0?(d=138,c=3):s===o?(d=6,c=3):(d=7,c=4)}},yy=e=>{let n;for(Ud(e,e.dyn_ltree,e.l_desc.max_code),Ud(e,e.dyn_dtree,e.d_desc.max_code),no(e,e.bl_desc),n=fo-1;n>=3&&e.bl_tree[Iu[n]*2+1]===0;n--);return e.opt_len+=3*(n+1)+5+5+4,n},wy=(e,n,t,r)=>{let i;for(ie(e,n-257,5),ie(e,t-1,5),ie(e,r-4,4),i=0;i<r;i++)ie(e,e.bl_tree[Iu[i]*2+1],3);Cd(e,e.dyn_ltree,n-1),Cd(e,e.dyn_dtree,t-1)},my=e=>{let n=4093624447,t;for(t=0;t<=31;t++,n>>>=1)if(n&1&&e.dyn_ltree[t*2]!==0)return 0;if(e.dyn_ltree[18]!==0||e.dyn_ltree[20]!==0||e.dyn_ltree[26]!==0)return 1;for(t=32;t<er;t++)if(e.dyn_ltree[t*2]!==0)return 1;return 0},Pd=!1,by=e=>{Pd||(gy(),Pd=!0),e.l_desc=new Vs(e.dyn_ltree,Tu),e.d_desc=new Vs(e.dyn_dtree,Au),e.bl_desc=new Vs(e.bl_tree,ku),e.bi_buf=0,e.bi_valid=0,Nu(e)},ju=(e,n,t,r)=>{ie(e,(oy<<1)+(r?1:0),3),Lu(e),Gn(e,t),Gn(e,~t),t&&e.pending_buf.set(e.window.subarray(n,n+t),e.pending),e.pending+=t},vy=e=>{ie(e,vu<<1,3),je(e,po,Ye),py(e)},_y=(e,n,t,r)=>{let i,s,o=0;e.level>0?(e.strm.data_type===2&&(e.strm.data_type=my(e)),no(e,e.l_desc),no(e,e.d_desc),o=yy(e),i=e.opt_len+3+7>>>3,s=e.static_len+3+7>>>3,s<=i&&(i=s)):i=s=t+5,t+4<=i&&n!==-1?ju(e,n,t,r):e.strategy===4||s===i?(ie(e,(vu<<1)+(r?1:0),3),Md(e,Ye,Fn)):(ie(e,(ay<<1)+(r?1:0),3),wy(e,e.l_desc.max_code+1,e.d_desc.max_code+1,o+1),Md(e,e.dyn_ltree,e.dyn_dtree)),Nu(e),r&&Lu(e)},xy=(e,n,t)=>(e.pending_buf[e.sym_buf+e.sym_next++]=n,e.pending_buf[e.sym_buf+e.sym_next++]=n>>8,e.pending_buf[e.sym_buf+e.sym_next++]=t,n===0?e.dyn_ltree[t*2]++:(e.matches++,n--,e.dyn_ltree[(Zn[t]+er+1)*2]++,e.dyn_dtree[Du(n)*2]++),e.sym_next===e.sym_end),Ey=by,Sy=ju,Iy=_y,Ty=xy,Ay=vy,ky={_tr_init:Ey,_tr_stored_block:Sy,_tr_flush_block:Iy,_tr_tally:Ty,_tr_align:Ay},Dy=(e,n,t,r)=>{let i=e&65535|0,s=e>>>16&65535|0,o=0;for(;t!==0;){o=t>2e3?2e3:t,t-=o;do i=i+n[r++]|0,s=s+i|0;while(--o);i%=65521,s%=65521}return i|s<<16|0},Yn=Dy,Ry=()=>{let e,n=[];for(var t=0;t<256;t++){e=t;for(var r=0;r<8;r++)e=e&1?3988292384^e>>>1:e>>>1;n[t]=e}return n},Oy=new Uint32Array(Ry()),Ny=(e,n,t,r)=>{let i=Oy,s=r+t;e^=-1;for(let o=r;o<s;o++)e=e>>>8^i[(e^n[o])&255];return e^-1},J=Ny,jt={2:"need dictionary",1:"stream end",0:"","-1":"file error","-2":"stream error","-3":"data error","-4":"insufficient memory","-5":"buffer error","-6":"incompatible version"},dn={Z_NO_FLUSH:0,Z_PARTIAL_FLUSH:1,Z_SYNC_FLUSH:2,Z_FULL_FLUSH:3,Z_FINISH:4,Z_BLOCK:5,Z_TREES:6,Z_OK:0,Z_STREAM_END:1,Z_NEED_DICT:2,Z_ERRNO:-1,Z_STREAM_ERROR:-2,Z_DATA_ERROR:-3,Z_MEM_ERROR:-4,Z_BUF_ERROR:-5,Z_NO_COMPRESSION:0,Z_BEST_SPEED:1,Z_BEST_COMPRESSION:9,Z_DEFAULT_COMPRESSION:-1,Z_FILTERED:1,Z_HUFFMAN_ONLY:2,Z_RLE:3,Z_FIXED:4,Z_DEFAULT_STRATEGY:0,Z_BINARY:0,Z_TEXT:1,Z_UNKNOWN:2,Z_DEFLATED:8},{_tr_init:Ly,_tr_stored_block:ro,_tr_flush_block:jy,_tr_tally:yt,_tr_align:My}=ky,{Z_NO_FLUSH:wt,Z_PARTIAL_FLUSH:Uy,Z_FULL_FLUSH:Cy,Z_FINISH:ve,Z_BLOCK:Bd,Z_OK:Z,Z_STREAM_END:$d,Z_STREAM_ERROR:Me,Z_DATA_ERROR:Py,Z_BUF_ERROR:Hs,Z_DEFAULT_COMPRESSION:By,Z_FILTERED:$y,Z_HUFFMAN_ONLY:Yr,Z_RLE:zy,Z_FIXED:qy,Z_DEFAULT_STRATEGY:Vy,Z_UNKNOWN:Fy,Z_DEFLATED:oi}=dn,Hy=9,Ky=15,Jy=8,Xy=29,Zy=256,io=Zy+1+Xy,Gy=30,Yy=19,Wy=2*io+1,Qy=15,j=3,gt=258,Ue=gt+j+1,ew=32,an=42,go=57,so=69,oo=73,ao=91,co=103,Nt=113,qn=666,te=1,un=2,Mt=3,fn=4,tw=3,Lt=(e,n)=>(e.msg=jt[n],n),zd=e=>e*2-(e>4?9:0),ht=e=>{let n=e.length;for(;--n>=0;)e[n]=0},nw=e=>{let n,t,r,i=e.w_size;n=e.hash_size,r=n;do t=e.head[--r],e.head[r]=t>=i?t-i:0;while(--n);n=i,r=n;do t=e.prev[--r],e.prev[r]=t>=i?t-i:0;while(--n)},yo=(e,n,t)=>(n<<e.hash_shift^t)&e.hash_mask,Ut=(e,n)=>{let t;if(e.legacy_hash)t=e.ins_h=yo(e,e.ins_h,e.window[n+j-1]);else{let i=e.window,s=i[n]|i[n+1]<<8|i[n+2]<<16|i[n+3]<<24;t=e.ins_h=Math.imul(s,66521)+66521>>>16&e.hash_mask}let r=e.prev[n&e.w_mask]=e.head[t];return e.head[t]=n,r},fe=e=>{let n=e.state,t=n.pending;t>e.avail_out&&(t=e.avail_out),t!==0&&(e.output.set(n.pending_buf.subarray(n.pending_out,n.pending_out+t),e.next_out),e.next_out+=t,n.pending_out+=t,e.total_out+=t,e.avail_out-=t,n.pending-=t,n.pending===0&&(n.pending_out=0))},pe=(e,n)=>{jy(e,e.block_start>=0?e.block_start:-1,e.strstart-e.block_start,n),e.block_start=e.strstart,fe(e.strm)},U=(e,n)=>{e.pending_buf[e.pending++]=n},zn=(e,n)=>{e.pending_buf[e.pending++]=n>>>8&255,e.pending_buf[e.pending++]=n&255},lo=(e,n,t,r)=>{let i=e.avail_in;return i>r&&(i=r),i===0?0:(e.avail_in-=i,n.set(e.input.subarray(e.next_in,e.next_in+i),t),e.state.wrap===1?e.adler=Yn(e.adler,n,i,t):e.state.wrap===2&&(e.adler=J(e.adler,n,i,t)),e.next_in+=i,e.total_in+=i,i)},Mu=(e,n)=>{let t=e.max_chain_length,r=e.strstart,i,s,o=e.prev_length,a=e.nice_match,d=e.strstart>e.w_size-Ue?e.strstart-(e.w_size-Ue):0,c=e.window,u=e.w_mask,h=e.prev,f=e.strstart+gt,l=c[r+o-1],p=c[r+o];e.prev_length>=e.good_match&&(t>>=2),a>e.lookahead&&(a=e.lookahead);do if(i=n,!(c[i+o]!==p||c[i+o-1]!==l||c[i]!==c[r]||c[++i]!==c[r+1])){r+=2,i++;do;while(c[++r]===c[++i]&&c[++r]===c[++i]&&c[++r]===c[++i]&&c[++r]===c[++i]&&c[++r]===c[++i]&&c[++r]===c[++i]&&c[++r]===c[++i]&&c[++r]===c[++i]&&r<f);if(s=gt-(f-r),r=f-gt,s>o){if(e.match_start=n,o=s,s>=a)break;l=c[r+o-1],p=c[r+o]}}while((n=h[n&u])>d&&--t!==0);return o<=e.lookahead?o:e.lookahead},cn=e=>{let n=e.w_size,t,r,i;do{if(r=e.window_size-e.lookahead-e.strstart,e.strstart>=n+(n-Ue)&&(e.window.set(e.window.subarray(n,n+n-r),0),e.match_start-=n,e.strstart-=n,e.block_start-=n,e.insert>e.strstart&&(e.insert=e.strstart),nw(e),r+=n),e.strm.avail_in===0)break;if(t=lo(e.strm,e.window,e.strstart+e.lookahead,r),e.lookahead+=t,e.legacy_hash){if(e.lookahead+e.insert>=j)for(i=e.strstart-e.insert,e.ins_h=e.window[i],e.ins_h=yo(e,e.ins_h,e.window[i+1]);e.insert&&(Ut(e,i),i++,e.insert--,!(e.lookahead+e.insert<j)););}else if(e.lookahead+e.insert>j)for(i=e.strstart-e.insert;e.insert&&(Ut(e,i),i++,e.insert--,!(e.lookahead+e.insert<=j)););}while(e.lookahead<Ue&&e.strm.avail_in!==0)},Uu=(e,n)=>{let t=e.pending_buf_size-5>e.w_size?e.w_size:e.pending_buf_size-5,r,i,s,o=0,a=e.strm.avail_in;do{if(r=65535,s=e.bi_valid+42>>3,e.strm.avail_out<s||(s=e.strm.avail_out-s,i=e.strstart-e.block_start,r>i+e.strm.avail_in&&(r=i+e.strm.avail_in),r>s&&(r=s),r<t&&(r===0&&n!==ve||n===wt||r!==i+e.strm.avail_in)))break;o=n===ve&&r===i+e.strm.avail_in?1:0,ro(e,0,0,o),e.pending_buf[e.pending-4]=r,e.pending_buf[e.pending-3]=r>>8,e.pending_buf[e.pending-2]=~r,e.pending_buf[e.pending-1]=~r>>8,fe(e.strm),i&&(i>r&&(i=r),e.strm.output.set(e.window.subarray(e.block_start,e.block_start+i),e.strm.next_out),e.strm.next_out+=i,e.strm.avail_out-=i,e.strm.total_out+=i,e.block_start+=i,r-=i),r&&(lo(e.strm,e.strm.output,e.strm.next_out,r),e.strm.next_out+=r,e.strm.avail_out-=r,e.strm.total_out+=r)}while(o===0);return a-=e.strm.avail_in,a&&(a>=e.w_size?(e.matches=2,e.window.set(e.strm.input.subarray(e.strm.next_in-e.w_size,e.strm.next_in),0),e.strstart=e.w_size,e.insert=e.strstart):(e.window_size-e.strstart<=a&&(e.strstart-=e.w_size,e.window.set(e.window.subarray(e.w_size,e.w_size+e.strstart),0),e.matches<2&&e.matches++,e.insert>e.strstart&&(e.insert=e.strstart)),e.window.set(e.strm.input.subarray(e.strm.next_in-a,e.strm.next_in),e.strstart),e.strstart+=a,e.insert+=a>e.w_size-e.insert?e.w_size-e.insert:a),e.block_start=e.strstart),e.high_water<e.strstart&&(e.high_water=e.strstart),o?fn:n!==wt&&n!==ve&&e.strm.avail_in===0&&e.strstart===e.block_start?un:(s=e.window_size-e.strstart,e.strm.avail_in>s&&e.block_start>=e.w_size&&(e.block_start-=e.w_size,e.strstart-=e.w_size,e.window.set(e.window.subarray(e.w_size,e.w_size+e.strstart),0),e.matches<2&&e.matches++,s+=e.w_size,e.insert>e.strstart&&(e.insert=e.strstart)),s>e.strm.avail_in&&(s=e.strm.avail_in),s&&(lo(e.strm,e.window,e.strstart,s),e.strstart+=s,e.insert+=s>e.w_size-e.insert?e.w_size-e.insert:s),e.high_water<e.strstart&&(e.high_water=e.strstart),s=e.bi_valid+42>>3,s=e.pending_buf_size-s>65535?65535:e.pending_buf_size-s,t=s>e.w_size?e.w_size:s,i=e.strstart-e.block_start,(i>=t||(i||n===ve)&&n!==wt&&e.strm.avail_in===0&&i<=s)&&(r=i>s?s:i,o=n===ve&&e.strm.avail_in===0&&r===i?1:0,ro(e,e.block_start,r,o),e.block_start+=r,fe(e.strm)),o?Mt:te)},Ks=(e,n)=>{let t,r;for(;;){if(e.lookahead<Ue){if(cn(e),e.lookahead<Ue&&n===wt)return te;if(e.lookahead===0)break}if(t=0,e.lookahead>=j&&(t=Ut(e,e.strstart)),t!==0&&e.strstart-t<=e.w_size-Ue&&(e.match_length=Mu(e,t)),e.match_length>=j)if(r=yt(e,e.strstart-e.match_start,e.match_length-j),e.lookahead-=e.match_length,e.match_length<=e.max_lazy_match&&e.lookahead>=j){e.match_length--;do e.strstart++,t=Ut(e,e.strstart);while(--e.match_length!==0);e.strstart++}else e.strstart+=e.match_length,e.match_length=0,e.legacy_hash&&(e.ins_h=e.window[e.strstart],e.ins_h=yo(e,e.ins_h,e.window[e.strstart+1]));else r=yt(e,0,e.window[e.strstart]),e.lookahead--,e.strstart++;if(r&&(pe(e,!1),e.strm.avail_out===0))return te}return e.insert=e.strstart<j-1?e.strstart:j-1,n===ve?(pe(e,!0),e.strm.avail_out===0?Mt:fn):e.sym_next&&(pe(e,!1),e.strm.avail_out===0)?te:un},nn=(e,n)=>{let t,r,i;for(;;){if(e.lookahead<Ue){if(cn(e),e.lookahead<Ue&&n===wt)return te;if(e.lookahead===0)break}if(t=0,e.lookahead>=j&&(t=Ut(e,e.strstart)),e.prev_length=e.match_length,e.prev_match=e.match_start,e.match_length=j-1,t!==0&&e.prev_length<e.max_lazy_match&&e.strstart-t<=e.w_size-Ue&&(e.match_length=Mu(e,t),e.match_length<=5&&(e.strategy===$y||e.match_length===j&&e.strstart-e.match_start>4096)&&(e.match_length=j-1)),e.prev_length>=j&&e.match_length<=e.prev_length){i=e.strstart+e.lookahead-j,r=yt(e,e.strstart-1-e.prev_match,e.prev_length-j),e.lookahead-=e.prev_length-1,e.prev_length-=2;do++e.strstart<=i&&(t=Ut(e,e.strstart));while(--e.prev_length!==0);if(e.match_available=0,e.match_length=j-1,e.strstart++,r&&(pe(e,!1),e.strm.avail_out===0))return te}else if(e.match_available){if(r=yt(e,0,e.window[e.strstart-1]),r&&pe(e,!1),e.strstart++,e.lookahead--,e.strm.avail_out===0)return te}else e.match_available=1,e.strstart++,e.lookahead--}return e.match_available&&(r=yt(e,0,e.window[e.strstart-1]),e.match_available=0),e.insert=e.strstart<j-1?e.strstart:j-1,n===ve?(pe(e,!0),e.strm.avail_out===0?Mt:fn):e.sym_next&&(pe(e,!1),e.strm.avail_out===0)?te:un},rw=(e,n)=>{let t,r,i,s,o=e.window;for(;;){if(e.lookahead<=gt){if(cn(e),e.lookahead<=gt&&n===wt)return te;if(e.lookahead===0)break}if(e.match_length=0,e.lookahead>=j&&e.strstart>0&&(i=e.strstart-1,r=o[i],r===o[++i]&&r===o[++i]&&r===o[++i])){s=e.strstart+gt;do;while(r===o[++i]&&r===o[++i]&&r===o[++i]&&r===o[++i]&&r===o[++i]&&r===o[++i]&&r===o[++i]&&r===o[++i]&&i<s);e.match_length=gt-(s-i),e.match_length>e.lookahead&&(e.match_length=e.lookahead)}if(e.match_length>=j?(t=yt(e,1,e.match_length-j),e.lookahead-=e.match_length,e.strstart+=e.match_length,e.match_length=0):(t=yt(e,0,e.window[e.strstart]),e.lookahead--,e.strstart++),t&&(pe(e,!1),e.strm.avail_out===0))return te}return e.insert=0,n===ve?(pe(e,!0),e.strm.avail_out===0?Mt:fn):e.sym_next&&(pe(e,!1),e.strm.avail_out===0)?te:un},iw=(e,n)=>{let t;for(;;){if(e.lookahead===0&&(cn(e),e.lookahead===0)){if(n===wt)return te;break}if(e.match_length=0,t=yt(e,0,e.window[e.strstart]),e.lookahead--,e.strstart++,t&&(pe(e,!1),e.strm.avail_out===0))return te}return e.insert=0,n===ve?(pe(e,!0),e.strm.avail_out===0?Mt:fn):e.sym_next&&(pe(e,!1),e.strm.avail_out===0)?te:un};function Ne(e,n,t,r,i){this.good_length=e,this.max_lazy=n,this.nice_length=t,this.max_chain=r,this.func=i}var Vn=[new Ne(0,0,0,0,Uu),new Ne(4,4,8,4,Ks),new Ne(4,5,16,8,Ks),new Ne(4,6,32,32,Ks),new Ne(4,4,16,16,nn),new Ne(8,16,32,32,nn),new Ne(8,16,128,128,nn),new Ne(8,32,128,256,nn),new Ne(32,128,258,1024,nn),new Ne(32,258,258,4096,nn)],sw=e=>{e.window_size=2*e.w_size,ht(e.head),e.max_lazy_match=Vn[e.level].max_lazy,e.good_match=Vn[e.level].good_length,e.nice_match=Vn[e.level].nice_length,e.max_chain_length=Vn[e.level].max_chain,e.strstart=0,e.block_start=0,e.lookahead=0,e.insert=0,e.match_length=e.prev_length=j-1,e.match_available=0,e.ins_h=0};function ow(){this.strm=null,this.status=0,this.pending_buf=null,this.pending_buf_size=0,this.pending_out=0,this.pending=0,this.wrap=0,this.gzhead=null,this.gzindex=0,this.method=oi,this.last_flush=-1,this.w_size=0,this.w_bits=0,this.w_mask=0,this.window=null,this.window_size=0,this.prev=null,this.head=null,this.ins_h=0,this.legacy_hash=0,this.hash_size=0,this.hash_bits=0,this.hash_mask=0,this.hash_shift=0,this.block_start=0,this.match_length=0,this.prev_match=0,this.match_available=0,this.strstart=0,this.match_start=0,this.lookahead=0,this.prev_length=0,this.max_chain_length=0,this.max_lazy_match=0,this.level=0,this.strategy=0,this.good_match=0,this.nice_match=0,this.dyn_ltree=new Uint16Array(Wy*2),this.dyn_dtree=new Uint16Array((2*Gy+1)*2),this.bl_tree=new Uint16Array((2*Yy+1)*2),ht(this.dyn_ltree),ht(this.dyn_dtree),ht(this.bl_tree),this.l_desc=null,this.d_desc=null,this.bl_desc=null,this.bl_count=new Uint16Array(Qy+1),this.heap=new Uint16Array(2*io+1),ht(this.heap),this.heap_len=0,this.heap_max=0,this.depth=new Uint16Array(2*io+1),ht(this.depth),this.sym_buf=0,this.lit_bufsize=0,this.sym_next=0,this.sym_end=0,this.opt_len=0,this.static_len=0,this.matches=0,this.insert=0,this.bi_buf=0,this.bi_valid=0}var tr=e=>{if(!e)return 1;let n=e.state;return!n||n.strm!==e||n.status!==an&&n.status!==go&&n.status!==so&&n.status!==oo&&n.status!==ao&&n.status!==co&&n.status!==Nt&&n.status!==qn?1:0},Cu=e=>{if(tr(e))return Lt(e,Me);e.total_in=e.total_out=0,e.data_type=Fy;let n=e.state;return n.pending=0,n.pending_out=0,n.wrap<0&&(n.wrap=-n.wrap),n.status=n.wrap===2?go:n.wrap?an:Nt,e.adler=n.wrap===2?0:1,n.last_flush=-2,Ly(n),Z},Pu=e=>{let n=Cu(e);return n===Z&&sw(e.state),n},aw=(e,n)=>tr(e)||e.state.wrap!==2?Me:(e.state.gzhead=n,Z),Bu=(e,n,t,r,i,s,o)=>{if(!e)return Me;let a=1;if(n===By&&(n=6),r<0?(a=0,r=-r):r>15&&(a=2,r-=16),i<1||i>Hy||t!==oi||r<8||r>15||n<0||n>9||s<0||s>qy||r===8&&a!==1)return Lt(e,Me);r===8&&(r=9);let d=new ow;return e.state=d,d.strm=e,d.status=an,d.wrap=a,d.gzhead=null,d.w_bits=r,d.w_size=1<<d.w_bits,d.w_mask=d.w_size-1,d.legacy_hash=o?1:0,d.hash_bits=i+7,!d.legacy_hash&&d.hash_bits<15&&(d.hash_bits=15),d.hash_size=1<<d.hash_bits,d.hash_mask=d.hash_size-1,d.hash_shift=~~((d.hash_bits+j-1)/j),d.window=new Uint8Array(d.w_size*2),d.head=new Uint16Array(d.hash_size),d.prev=new Uint16Array(d.w_size),d.lit_bufsize=1<<i+6,d.pending_buf_size=d.lit_bufsize*4,d.pending_buf=new Uint8Array(d.pending_buf_size),d.sym_buf=d.lit_bufsize,d.sym_end=(d.lit_bufsize-1)*3,d.level=n,d.strategy=s,d.method=t,Pu(e)},cw=(e,n)=>Bu(e,n,oi,Ky,Jy,Vy),lw=(e,n)=>{if(tr(e)||n>Bd||n<0)return e?Lt(e,Me):Me;let t=e.state;if(!e.output||e.avail_in!==0&&!e.input||t.status===qn&&n!==ve)return Lt(e,e.avail_out===0?Hs:Me);let r=t.last_flush;if(t.last_flush=n,t.pending!==0){if(fe(e),e.avail_out===0)return t.last_flush=-1,Z}else if(e.avail_in===0&&zd(n)<=zd(r)&&n!==ve)return Lt(e,Hs);if(t.status===qn&&e.avail_in!==0)return Lt(e,Hs);if(t.status===an&&t.wrap===0&&(t.status=Nt),t.status===an){let i=oi+(t.w_bits-8<<4)<<8,s=-1;if(t.strategy>=Yr||t.level<2?s=0:t.level<6?s=1:t.level===6?s=2:s=3,i|=s<<6,t.strstart!==0&&(i|=ew),i+=31-i%31,zn(t,i),t.strstart!==0&&(zn(t,e.adler>>>16),zn(t,e.adler&65535)),e.adler=1,t.status=Nt,fe(e),t.pending!==0)return t.last_flush=-1,Z}if(t.status===go){if(e.adler=0,U(t,31),U(t,139),U(t,8),t.gzhead)U(t,(t.gzhead.text?1:0)+(t.gzhead.hcrc?2:0)+(t.gzhead.extra?4:0)+(t.gzhead.name?8:0)+(t.gzhead.comment?16:0)),U(t,t.gzhead.time&255),U(t,t.gzhead.time>>8&255),U(t,t.gzhead.time>>16&255),U(t,t.gzhead.time>>24&255),U(t,t.level===9?2:t.strategy>=Yr||t.level<2?4:0),U(t,t.gzhead.os&255),t.gzhead.extra&&t.gzhead.extra.length&&(U(t,t.gzhead.extra.length&255),U(t,t.gzhead.extra.length>>8&255)),t.gzhead.hcrc&&(e.adler=J(e.adler,t.pending_buf,t.pending,0)),t.gzindex=0,t.status=so;else if(U(t,0),U(t,0),U(t,0),U(t,0),U(t,0),U(t,t.level===9?2:t.strategy>=Yr||t.level<2?4:0),U(t,tw),t.status=Nt,fe(e),t.pending!==0)return t.last_flush=-1,Z}if(t.status===so){if(t.gzhead.extra){let i=t.pending,s=(t.gzhead.extra.length&65535)-t.gzindex;for(;t.pending+s>t.pending_buf_size;){let a=t.pending_buf_size-t.pending;if(t.pending_buf.set(t.gzhead.extra.subarray(t.gzindex,t.gzindex+a),t.pending),t.pending=t.pending_buf_size,t.gzhead.hcrc&&t.pending>i&&(e.adler=J(e.adler,t.pending_buf,t.pending-i,i)),t.gzindex+=a,fe(e),t.pending!==0)return t.last_flush=-1,Z;i=0,s-=a}let o=new Uint8Array(t.gzhead.extra);t.pending_buf.set(o.subarray(t.gzindex,t.gzindex+s),t.pending),t.pending+=s,t.gzhead.hcrc&&t.pending>i&&(e.adler=J(e.adler,t.pending_buf,t.pending-i,i)),t.gzindex=0}t.status=oo}if(t.status===oo){if(t.gzhead.name){let i=t.pending,s;do{if(t.pending===t.pending_buf_size){if(t.gzhead.hcrc&&t.pending>i&&(e.adler=J(e.adler,t.pending_buf,t.pending-i,i)),fe(e),t.pending!==0)return t.last_flush=-1,Z;i=0}t.gzindex<t.gzhead.name.length?s=t.gzhead.name.charCodeAt(t.gzindex++)&255:s=0,U(t,s)}while(s!==0);t.gzhead.hcrc&&t.pending>i&&(e.adler=J(e.adler,t.pending_buf,t.pending-i,i)),t.gzindex=0}t.status=ao}if(t.status===ao){if(t.gzhead.comment){let i=t.pending,s;do{if(t.pending===t.pending_buf_size){if(t.gzhead.hcrc&&t.pending>i&&(e.adler=J(e.adler,t.pending_buf,t.pending-i,i)),fe(e),t.pending!==0)return t.last_flush=-1,Z;i=0}t.gzindex<t.gzhead.comment.length?s=t.gzhead.comment.charCodeAt(t.gzindex++)&255:s=0,U(t,s)}while(s!==0);t.gzhead.hcrc&&t.pending>i&&(e.adler=J(e.adler,t.pending_buf,t.pending-i,i))}t.status=co}if(t.status===co){if(t.gzhead.hcrc){if(t.pending+2>t.pending_buf_size&&(fe(e),t.pending!==0))return t.last_flush=-1,Z;U(t,e.adler&255),U(t,e.adler>>8&255),e.adler=0}if(t.status=Nt,fe(e),t.pending!==0)return t.last_flush=-1,Z}if(e.avail_in!==0||t.lookahead!==0||n!==wt&&t.status!==qn){let i=t.level===0?Uu(t,n):t.strategy===Yr?iw(t,n):t.strategy===zy?rw(t,n):Vn[t.level].func(t,n);if((i===Mt||i===fn)&&(t.status=qn),i===te||i===Mt)return e.avail_out===0&&(t.last_flush=-1),Z;if(i===un&&(n===Uy?My(t):n!==Bd&&(ro(t,0,0,!1),n===Cy&&(ht(t.head),t.lookahead===0&&(t.strstart=0,t.block_start=0,t.insert=0))),fe(e),e.avail_out===0))return t.last_flush=-1,Z}return n!==ve?Z:t.wrap<=0?$d:(t.wrap===2?(U(t,e.adler&255),U(t,e.adler>>8&255),U(t,e.adler>>16&255),U(t,e.adler>>24&255),U(t,e.total_in&255),U(t,e.total_in>>8&255),U(t,e.total_in>>16&255),U(t,e.total_in>>24&255)):(zn(t,e.adler>>>16),zn(t,e.adler&65535)),fe(e),t.wrap>0&&(t.wrap=-t.wrap),t.pending!==0?Z:$d)},dw=e=>{if(tr(e))return Me;let n=e.state.status;return e.state=null,n===Nt?Lt(e,Py):Z},uw=(e,n)=>{let t=n.length;if(tr(e))return Me;let r=e.state,i=r.wrap;if(i===2||i===1&&r.status!==an||r.lookahead)return Me;if(i===1&&(e.adler=Yn(e.adler,n,t,0)),r.wrap=0,t>=r.w_size){i===0&&(ht(r.head),r.strstart=0,r.block_start=0,r.insert=0);let d=new Uint8Array(r.w_size);d.set(n.subarray(t-r.w_size,t),0),n=d,t=r.w_size}let s=e.avail_in,o=e.next_in,a=e.input;for(e.avail_in=t,e.next_in=0,e.input=n,cn(r);r.lookahead>=j;){let d=r.strstart,c=r.lookahead-(j-1);do Ut(r,d),d++;while(--c);r.strstart=d,r.lookahead=j-1,cn(r)}return r.strstart+=r.lookahead,r.block_start=r.strstart,r.insert=r.lookahead,r.lookahead=0,r.match_length=r.prev_length=j-1,r.match_available=0,e.next_in=o,e.input=a,e.avail_in=s,r.wrap=i,Z},fw=cw,pw=Bu,hw=Pu,gw=Cu,yw=aw,ww=lw,mw=dw,bw=uw,vw="pako deflate (from Nodeca project)",Hn={deflateInit:fw,deflateInit2:pw,deflateReset:hw,deflateResetKeep:gw,deflateSetHeader:yw,deflate:ww,deflateEnd:mw,deflateSetDictionary:bw,deflateInfo:vw},_w=(e,n)=>Object.prototype.hasOwnProperty.call(e,n),xw=function(e){let n=Array.prototype.slice.call(arguments,1);for(;n.length;){let t=n.shift();if(t){if(typeof t!="object")throw new TypeError(t+"must be non-object");for(let r in t)_w(t,r)&&(e[r]=t[r])}}return e},Ew=e=>{let n=0;for(let r=0,i=e.length;r<i;r++)n+=e[r].length;let t=new Uint8Array(n);for(let r=0,i=0,s=e.length;r<s;r++){let o=e[r];t.set(o,i),i+=o.length}return t},ai={assign:xw,flattenChunks:Ew},$u=!0;try{String.fromCharCode.apply(null,new Uint8Array(1))}catch{$u=!1}var Wn=new Uint8Array(256);for(let e=0;e<256;e++)Wn[e]=e>=252?6:e>=248?5:e>=240?4:e>=224?3:e>=192?2:1;Wn[254]=Wn[255]=1;var Sw=e=>{if(typeof TextEncoder=="function"&&TextEncoder.prototype.encode)return new TextEncoder().encode(e);let n,t,r,i,s,o=e.length,a=0;for(i=0;i<o;i++)t=e.charCodeAt(i),(t&64512)===55296&&i+1<o&&(r=e.charCodeAt(i+1),(r&64512)===56320&&(t=65536+(t-55296<<10)+(r-56320),i++)),a+=t<128?1:t<2048?2:t<65536?3:4;for(n=new Uint8Array(a),s=0,i=0;s<a;i++)t=e.charCodeAt(i),(t&64512)===55296&&i+1<o&&(r=e.charCodeAt(i+1),(r&64512)===56320&&(t=65536+(t-55296<<10)+(r-56320),i++)),t<128?n[s++]=t:t<2048?(n[s++]=192|t>>>6,n[s++]=128|t&63):t<65536?(n[s++]=224|t>>>12,n[s++]=128|t>>>6&63,n[s++]=128|t&63):(n[s++]=240|t>>>18,n[s++]=128|t>>>12&63,n[s++]=128|t>>>6&63,n[s++]=128|t&63);return n},Iw=(e,n)=>{if(n<65534&&e.subarray&&$u)return String.fromCharCode.apply(null,e.length===n?e:e.subarray(0,n));let t="";for(let r=0;r<n;r++)t+=String.fromCharCode(e[r]);return t},Tw=(e,n)=>{let t=n||e.length;if(typeof TextDecoder=="function"&&TextDecoder.prototype.decode)return new TextDecoder().decode(e.subarray(0,n));let r,i,s=new Array(t*2);for(i=0,r=0;r<t;){let o=e[r++];if(o<128){s[i++]=o;continue}let a=Wn[o];if(a>4){s[i++]=65533,r+=a-1;continue}for(o&=a===2?31:a===3?15:7;a>1&&r<t;)o=o<<6|e[r++]&63,a--;if(a>1){s[i++]=65533;continue}o<65536?s[i++]=o:(o-=65536,s[i++]=55296|o>>10&1023,s[i++]=56320|o&1023)}return Iw(s,i)},Aw=(e,n)=>{n=n||e.length,n>e.length&&(n=e.length);let t=n-1;for(;t>=0&&(e[t]&192)===128;)t--;return t<0||t===0?n:t+Wn[e[t]]>n?t:n},Qn={string2buf:Sw,buf2string:Tw,utf8border:Aw};function kw(){this.input=null,this.next_in=0,this.avail_in=0,this.total_in=0,this.output=null,this.next_out=0,this.avail_out=0,this.total_out=0,this.msg="",this.state=null,this.data_type=2,this.adler=0}var zu=kw,qu=Object.prototype.toString,{Z_NO_FLUSH:Dw,Z_SYNC_FLUSH:Rw,Z_FULL_FLUSH:Ow,Z_FINISH:Nw,Z_OK:ii,Z_STREAM_END:Lw,Z_DEFAULT_COMPRESSION:jw,Z_DEFAULT_STRATEGY:Mw,Z_DEFLATED:Uw}=dn,Cw={level:jw,method:Uw,chunkSize:16384,windowBits:15,memLevel:8,strategy:Mw,legacyHash:!0};function nr(e){this.options=ai.assign({},Cw,e||{});let n=this.options;n.raw&&n.windowBits>0?n.windowBits=-n.windowBits:n.gzip&&n.windowBits>0&&n.windowBits<16&&(n.windowBits+=16),this.err=0,this.msg="",this.ended=!1,this.chunks=[],this.strm=new zu,this.strm.avail_out=0;let t=Hn.deflateInit2(this.strm,n.level,n.method,n.windowBits,n.memLevel,n.strategy,n.legacyHash);if(t!==ii)throw new Error(jt[t]);if(n.header&&Hn.deflateSetHeader(this.strm,n.header),n.dictionary){let r;if(typeof n.dictionary=="string"?r=Qn.string2buf(n.dictionary):qu.call(n.dictionary)==="[object ArrayBuffer]"?r=new Uint8Array(n.dictionary):r=n.dictionary,t=Hn.deflateSetDictionary(this.strm,r),t!==ii)throw new Error(jt[t]);this._dict_set=!0}}nr.prototype.push=function(e,n){let t=this.strm,r=this.options.chunkSize,i,s;if(this.ended)return!1;for(n===~~n?s=n:s=n===!0?Nw:Dw,typeof e=="string"?t.input=Qn.string2buf(e):qu.call(e)==="[object ArrayBuffer]"?t.input=new Uint8Array(e):t.input=e,t.next_in=0,t.avail_in=t.input.length;;){if(t.avail_out===0&&(t.output=new Uint8Array(r),t.next_out=0,t.avail_out=r),(s===Rw||s===Ow)&&t.avail_out<=6){this.onData(t.output.subarray(0,t.next_out)),t.avail_out=0;continue}if(i=Hn.deflate(t,s),i===Lw)return t.next_out>0&&this.onData(t.output.subarray(0,t.next_out)),i=Hn.deflateEnd(this.strm),this.onEnd(i),this.ended=!0,i===ii;if(t.avail_out===0){this.onData(t.output);continue}if(s>0&&t.next_out>0){this.onData(t.output.subarray(0,t.next_out)),t.avail_out=0;continue}if(t.avail_in===0)break}return!0};nr.prototype.onData=function(e){this.chunks.push(e)};nr.prototype.onEnd=function(e){e===ii&&(this.result=ai.flattenChunks(this.chunks)),this.chunks=[],this.err=e,this.msg=this.strm.msg};function wo(e,n){let t=new nr(n);if(t.push(e,!0),t.err)throw t.msg||jt[t.err];return t.result}function Pw(e,n){return n=n||{},n.raw=!0,wo(e,n)}function Bw(e,n){return n=n||{},n.gzip=!0,wo(e,n)}var $w=nr,zw=wo,qw=Pw,Vw=Bw,Fw=dn,Hw={Deflate:$w,deflate:zw,deflateRaw:qw,gzip:Vw,constants:Fw},Wr=16209,Kw=16191,Jw=function(n,t){let r,i,s,o,a,d,c,u,h,f,l,p,y,g,w,b,v,m,x,_,S,T,A,k,R=n.state;r=n.next_in,A=n.input,i=r+(n.avail_in-5),s=n.next_out,k=n.output,o=s-(t-n.avail_out),a=s+(n.avail_out-257),d=R.dmax,c=R.wsize,u=R.whave,h=R.wnext,f=R.window,l=R.hold,p=R.bits,y=R.lencode,g=R.distcode,w=(1<<R.lenbits)-1,b=(1<<R.distbits)-1;e:do{p<15&&(l+=A[r++]<<p,p+=8,l+=A[r++]<<p,p+=8),v=y[l&w];t:for(;;){if(m=v>>>24,l>>>=m,p-=m,m=v>>>16&255,m===0)k[s++]=v&65535;else if(m&16){x=v&65535,m&=15,m&&(p<m&&(l+=A[r++]<<p,p+=8),x+=l&(1<<m)-1,l>>>=m,p-=m),p<15&&(l+=A[r++]<<p,p+=8,l+=A[r++]<<p,p+=8),v=g[l&b];n:for(;;){if(m=v>>>24,l>>>=m,p-=m,m=v>>>16&255,m&16){if(_=v&65535,m&=15,p<m&&(l+=A[r++]<<p,p+=8,p<m&&(l+=A[r++]<<p,p+=8)),_+=l&(1<<m)-1,_>d){n.msg="invalid distance too far back",R.mode=Wr;break e}if(l>>>=m,p-=m,m=s-o,_>m){if(m=_-m,m>u&&R.sane){n.msg="invalid distance too far back",R.mode=Wr;break e}if(S=0,T=f,h===0){if(S+=c-m,m<x){x-=m;do k[s++]=f[S++];while(--m);S=s-_,T=k}}else if(h<m){if(S+=c+h-m,m-=h,m<x){x-=m;do k[s++]=f[S++];while(--m);if(S=0,h<x){m=h,x-=m;do k[s++]=f[S++];while(--m);S=s-_,T=k}}}else if(S+=h-m,m<x){x-=m;do k[s++]=f[S++];while(--m);S=s-_,T=k}for(;x>2;)k[s++]=T[S++],k[s++]=T[S++],k[s++]=T[S++],x-=3;x&&(k[s++]=T[S++],x>1&&(k[s++]=T[S++]))}else{S=s-_;do k[s++]=k[S++],k[s++]=k[S++],k[s++]=k[S++],x-=3;while(x>2);x&&(k[s++]=k[S++],x>1&&(k[s++]=k[S++]))}}else if((m&64)===0){v=g[(v&65535)+(l&(1<<m)-1)];continue n}else{n.msg="invalid distance code",R.mode=Wr;break e}break}}else if((m&64)===0){v=y[(v&65535)+(l&(1<<m)-1)];continue t}else if(m&32){R.mode=Kw;break e}else{n.msg="invalid literal/length code",R.mode=Wr;break e}break}}while(r<i&&s<a);x=p>>3,r-=x,p-=x<<3,l&=(1<<p)-1,n.next_in=r,n.next_out=s,n.avail_in=r<i?5+(i-r):5-(r-i),n.avail_out=s<a?257+(a-s):257-(s-a),R.hold=l,R.bits=p},rn=15,qd=852,Vd=592,Fd=0,Js=1,Hd=2,Xw=new Uint16Array([3,4,5,6,7,8,9,10,11,13,15,17,19,23,27,31,35,43,51,59,67,83,99,115,131,163,195,227,258,0,0]),Zw=new Uint8Array([16,16,16,16,16,16,16,16,17,17,17,17,18,18,18,18,19,19,19,19,20,20,20,20,21,21,21,21,16,199,75]),Gw=new Uint16Array([1,2,3,4,5,7,9,13,17,25,33,49,65,97,129,193,257,385,513,769,1025,1537,2049,3073,4097,6145,8193,12289,16385,24577,0,0]),Yw=new Uint8Array([16,16,16,16,17,17,18,18,19,19,20,20,21,21,22,22,23,23,24,24,25,25,26,26,27,27,28,28,29,29,64,64]),Ww=(e,n,t,r,i,s,o,a)=>{let d=a.bits,c=0,u=0,h=0,f=0,l=0,p=0,y=0,g=0,w=0,b=0,v,m,x,_,S,T=null,A,k=new Uint16Array(rn+1),R=new Uint16Array(rn+1),bt=null,Lo,gr,yr;for(c=0;c<=rn;c++)k[c]=0;for(u=0;u<r;u++)k[n[t+u]]++;for(l=d,f=rn;f>=1&&k[f]===0;f--);if(l>f&&(l=f),f===0)return i[s++]=1<<24|64<<16|0,i[s++]=1<<24|64<<16|0,a.bits=1,0;for(h=1;h<f&&k[h]===0;h++);for(l<h&&(l=h),g=1,c=1;c<=rn;c++)if(g<<=1,g-=k[c],g<0)return-1;if(g>0&&(e===Fd||f!==1))return-1;for(R[1]=0,c=1;c<rn;c++)R[c+1]=R[c]+k[c];for(u=0;u<r;u++)n[t+u]!==0&&(o[R[n[t+u]]++]=u);if(e===Fd?(T=bt=o,A=20):e===Js?(T=Xw,bt=Zw,A=257):(T=Gw,bt=Yw,A=0),b=0,u=0,c=h,S=s,p=l,y=0,x=-1,w=1<<l,_=w-1,e===Js&&w>qd||e===Hd&&w>Vd)return 1;for(;;){Lo=c-y,o[u]+1<A?(gr=0,yr=o[u]):o[u]>=A?(gr=bt[o[u]-A],yr=T[o[u]-A]):(gr=96,yr=0),v=1<<c-y,m=1<<p,h=m;do m-=v,i[S+(b>>y)+m]=Lo<<24|gr<<16|yr|0;while(m!==0);for(v=1<<c-1;b&v;)v>>=1;if(v!==0?(b&=v-1,b+=v):b=0,u++,--k[c]===0){if(c===f)break;c=n[t+o[u]]}if(c>l&&(b&_)!==x){for(y===0&&(y=l),S+=h,p=c-y,g=1<<p;p+y<f&&(g-=k[p+y],!(g<=0));)p++,g<<=1;if(w+=1<<p,e===Js&&w>qd||e===Hd&&w>Vd)return 1;x=b&_,i[x]=l<<24|p<<16|S-s|0}}return b!==0&&(i[S+b]=c-y<<24|64<<16|0),a.bits=l,0},Kn=Ww,Qw=0,Vu=1,Fu=2,{Z_FINISH:Kd,Z_BLOCK:em,Z_TREES:Qr,Z_OK:Ct,Z_STREAM_END:tm,Z_NEED_DICT:nm,Z_STREAM_ERROR:_e,Z_DATA_ERROR:Hu,Z_MEM_ERROR:Ku,Z_BUF_ERROR:rm,Z_DEFLATED:Jd}=dn,ci=16180,Xd=16181,Zd=16182,Gd=16183,Yd=16184,Wd=16185,Qd=16186,eu=16187,tu=16188,nu=16189,si=16190,Ge=16191,Xs=16192,ru=16193,Zs=16194,iu=16195,su=16196,ou=16197,au=16198,ei=16199,ti=16200,cu=16201,lu=16202,du=16203,uu=16204,fu=16205,Gs=16206,pu=16207,hu=16208,z=16209,Ju=16210,Xu=16211,im=852,sm=592,om=15,am=om,gu=e=>(e>>>24&255)+(e>>>8&65280)+((e&65280)<<8)+((e&255)<<24);function cm(){this.strm=null,this.mode=0,this.last=!1,this.wrap=0,this.havedict=!1,this.flags=0,this.dmax=0,this.check=0,this.total=0,this.head=null,this.wbits=0,this.wsize=0,this.whave=0,this.wnext=0,this.window=null,this.hold=0,this.bits=0,this.length=0,this.offset=0,this.extra=0,this.lencode=null,this.distcode=null,this.lenbits=0,this.distbits=0,this.ncode=0,this.nlen=0,this.ndist=0,this.have=0,this.next=null,this.lens=new Uint16Array(320),this.work=new Uint16Array(288),this.lendyn=null,this.distdyn=null,this.sane=0,this.back=0,this.was=0}var Pt=e=>{if(!e)return 1;let n=e.state;return!n||n.strm!==e||n.mode<ci||n.mode>Xu?1:0},Zu=e=>{if(Pt(e))return _e;let n=e.state;return e.total_in=e.total_out=n.total=0,e.msg="",n.wrap&&(e.adler=n.wrap&1),n.mode=ci,n.last=0,n.havedict=0,n.flags=-1,n.dmax=32768,n.head=null,n.hold=0,n.bits=0,n.lencode=n.lendyn=new Int32Array(im),n.distcode=n.distdyn=new Int32Array(sm),n.sane=1,n.back=-1,Ct},Gu=e=>{if(Pt(e))return _e;let n=e.state;return n.wsize=0,n.whave=0,n.wnext=0,Zu(e)},Yu=(e,n)=>{let t;if(Pt(e))return _e;let r=e.state;return n<0?(t=0,n=-n):(t=(n>>4)+5,n<48&&(n&=15)),n&&(n<8||n>15)?_e:(r.window!==null&&r.wbits!==n&&(r.window=null),r.wrap=t,r.wbits=n,Gu(e))},Wu=(e,n)=>{if(!e)return _e;let t=new cm;e.state=t,t.strm=e,t.window=null,t.mode=ci;let r=Yu(e,n);return r!==Ct&&(e.state=null),r},lm=e=>Wu(e,am),yu=!0,Ys,Ws,dm=e=>{if(yu){Ys=new Int32Array(512),Ws=new Int32Array(32);let n=0;for(;n<144;)e.lens[n++]=8;for(;n<256;)e.lens[n++]=9;for(;n<280;)e.lens[n++]=7;for(;n<288;)e.lens[n++]=8;for(Kn(Vu,e.lens,0,288,Ys,0,e.work,{bits:9}),n=0;n<32;)e.lens[n++]=5;Kn(Fu,e.lens,0,32,Ws,0,e.work,{bits:5}),yu=!1}e.lencode=Ys,e.lenbits=9,e.distcode=Ws,e.distbits=5},Qu=(e,n,t,r)=>{let i,s=e.state;return s.window===null&&(s.window=new Uint8Array(1<<s.wbits)),s.wsize===0&&(s.wsize=1<<s.wbits,s.wnext=0,s.whave=0),r>=s.wsize?(s.window.set(n.subarray(t-s.wsize,t),0),s.wnext=0,s.whave=s.wsize):(i=s.wsize-s.wnext,i>r&&(i=r),s.window.set(n.subarray(t-r,t-r+i),s.wnext),r-=i,r?(s.window.set(n.subarray(t-r,t),0),s.wnext=r,s.whave=s.wsize):(s.wnext+=i,s.wnext===s.wsize&&(s.wnext=0),s.whave<s.wsize&&(s.whave+=i))),0},um=(e,n)=>{let t,r,i,s,o,a,d,c,u,h,f,l,p,y,g=0,w,b,v,m,x,_,S,T,A=new Uint8Array(4),k,R,bt=new Uint8Array([16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1,15]);if(Pt(e)||!e.output||!e.input&&e.avail_in!==0)return _e;t=e.state,t.mode===Ge&&(t.mode=Xs),o=e.next_out,i=e.output,d=e.avail_out,s=e.next_in,r=e.input,a=e.avail_in,c=t.hold,u=t.bits,h=a,f=d,T=Ct;e:for(;;)switch(t.mode){case ci:if(t.wrap===0){t.mode=Xs;break}for(;u<16;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}if(t.wrap&2&&c===35615){t.wbits===0&&(t.wbits=15),t.check=0,A[0]=c&255,A[1]=c>>>8&255,t.check=J(t.check,A,2,0),c=0,u=0,t.mode=Xd;break}if(t.head&&(t.head.done=!1),!(t.wrap&1)||(((c&255)<<8)+(c>>8))%31){e.msg="incorrect header check",t.mode=z;break}if((c&15)!==Jd){e.msg="unknown compression method",t.mode=z;break}if(c>>>=4,u-=4,S=(c&15)+8,t.wbits===0&&(t.wbits=S),S>15||S>t.wbits){e.msg="invalid window size",t.mode=z;break}t.dmax=1<<t.wbits,t.flags=0,e.adler=t.check=1,t.mode=c&512?nu:Ge,c=0,u=0;break;case Xd:for(;u<16;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}if(t.flags=c,(t.flags&255)!==Jd){e.msg="unknown compression method",t.mode=z;break}if(t.flags&57344){e.msg="unknown header flags set",t.mode=z;break}t.head&&(t.head.text=c>>8&1),t.flags&512&&t.wrap&4&&(A[0]=c&255,A[1]=c>>>8&255,t.check=J(t.check,A,2,0)),c=0,u=0,t.mode=Zd;case Zd:for(;u<32;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}t.head&&(t.head.time=c),t.flags&512&&t.wrap&4&&(A[0]=c&255,A[1]=c>>>8&255,A[2]=c>>>16&255,A[3]=c>>>24&255,t.check=J(t.check,A,4,0)),c=0,u=0,t.mode=Gd;case Gd:for(;u<16;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}t.head&&(t.head.xflags=c&255,t.head.os=c>>8),t.flags&512&&t.wrap&4&&(A[0]=c&255,A[1]=c>>>8&255,t.check=J(t.check,A,2,0)),c=0,u=0,t.mode=Yd;case Yd:if(t.flags&1024){for(;u<16;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}t.length=c,t.head&&(t.head.extra_len=c),t.flags&512&&t.wrap&4&&(A[0]=c&255,A[1]=c>>>8&255,t.check=J(t.check,A,2,0)),c=0,u=0}else t.head&&(t.head.extra=null);t.mode=Wd;case Wd:if(t.flags&1024&&(l=t.length,l>a&&(l=a),l&&(t.head&&(S=t.head.extra_len-t.length,t.head.extra||(t.head.extra=new Uint8Array(t.head.extra_len)),t.head.extra.set(r.subarray(s,s+l),S)),t.flags&512&&t.wrap&4&&(t.check=J(t.check,r,l,s)),a-=l,s+=l,t.length-=l),t.length))break e;t.length=0,t.mode=Qd;case Qd:if(t.flags&2048){if(a===0)break e;l=0;do S=r[s+l++],t.head&&S&&t.length<65536&&(t.head.name+=String.fromCharCode(S));while(S&&l<a);if(t.flags&512&&t.wrap&4&&(t.check=J(t.check,r,l,s)),a-=l,s+=l,S)break e}else t.head&&(t.head.name=null);t.length=0,t.mode=eu;case eu:if(t.flags&4096){if(a===0)break e;l=0;do S=r[s+l++],t.head&&S&&t.length<65536&&(t.head.comment+=String.fromCharCode(S));while(S&&l<a);if(t.flags&512&&t.wrap&4&&(t.check=J(t.check,r,l,s)),a-=l,s+=l,S)break e}else t.head&&(t.head.comment=null);t.mode=tu;case tu:if(t.flags&512){for(;u<16;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}if(t.wrap&4&&c!==(t.check&65535)){e.msg="header crc mismatch",t.mode=z;break}c=0,u=0}t.head&&(t.head.hcrc=t.flags>>9&1,t.head.done=!0),e.adler=t.check=0,t.mode=Ge;break;case nu:for(;u<32;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}e.adler=t.check=gu(c),c=0,u=0,t.mode=si;case si:if(t.havedict===0)return e.next_out=o,e.avail_out=d,e.next_in=s,e.avail_in=a,t.hold=c,t.bits=u,nm;e.adler=t.check=1,t.mode=Ge;case Ge:if(n===em||n===Qr)break e;case Xs:if(t.last){c>>>=u&7,u-=u&7,t.mode=Gs;break}for(;u<3;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}switch(t.last=c&1,c>>>=1,u-=1,c&3){case 0:t.mode=ru;break;case 1:if(dm(t),t.mode=ei,n===Qr){c>>>=2,u-=2;break e}break;case 2:t.mode=su;break;case 3:e.msg="invalid block type",t.mode=z}c>>>=2,u-=2;break;case ru:for(c>>>=u&7,u-=u&7;u<32;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}if((c&65535)!==(c>>>16^65535)){e.msg="invalid stored block lengths",t.mode=z;break}if(t.length=c&65535,c=0,u=0,t.mode=Zs,n===Qr)break e;case Zs:t.mode=iu;case iu:if(l=t.length,l){if(l>a&&(l=a),l>d&&(l=d),l===0)break e;i.set(r.subarray(s,s+l),o),a-=l,s+=l,d-=l,o+=l,t.length-=l;break}t.mode=Ge;break;case su:for(;u<14;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}if(t.nlen=(c&31)+257,c>>>=5,u-=5,t.ndist=(c&31)+1,c>>>=5,u-=5,t.ncode=(c&15)+4,c>>>=4,u-=4,t.nlen>286||t.ndist>30){e.msg="too many length or distance symbols",t.mode=z;break}t.have=0,t.mode=ou;case ou:for(;t.have<t.ncode;){for(;u<3;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}t.lens[bt[t.have++]]=c&7,c>>>=3,u-=3}for(;t.have<19;)t.lens[bt[t.have++]]=0;if(t.lencode=t.lendyn,t.lenbits=7,k={bits:t.lenbits},T=Kn(Qw,t.lens,0,19,t.lencode,0,t.work,k),t.lenbits=k.bits,T){e.msg="invalid code lengths set",t.mode=z;break}t.have=0,t.mode=au;case au:for(;t.have<t.nlen+t.ndist;){for(;g=t.lencode[c&(1<<t.lenbits)-1],w=g>>>24,b=g>>>16&255,v=g&65535,!(w<=u);){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}if(v<16)c>>>=w,u-=w,t.lens[t.have++]=v;else{if(v===16){for(R=w+2;u<R;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}if(c>>>=w,u-=w,t.have===0){e.msg="invalid bit length repeat",t.mode=z;break}S=t.lens[t.have-1],l=3+(c&3),c>>>=2,u-=2}else if(v===17){for(R=w+3;u<R;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}c>>>=w,u-=w,S=0,l=3+(c&7),c>>>=3,u-=3}else{for(R=w+7;u<R;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}c>>>=w,u-=w,S=0,l=11+(c&127),c>>>=7,u-=7}if(t.have+l>t.nlen+t.ndist){e.msg="invalid bit length repeat",t.mode=z;break}for(;l--;)t.lens[t.have++]=S}}if(t.mode===z)break;if(t.lens[256]===0){e.msg="invalid code -- missing end-of-block",t.mode=z;break}if(t.lenbits=9,k={bits:t.lenbits},T=Kn(Vu,t.lens,0,t.nlen,t.lencode,0,t.work,k),t.lenbits=k.bits,T){e.msg="invalid literal/lengths set",t.mode=z;break}if(t.distbits=6,t.distcode=t.distdyn,k={bits:t.distbits},T=Kn(Fu,t.lens,t.nlen,t.ndist,t.distcode,0,t.work,k),t.distbits=k.bits,T){e.msg="invalid distances set",t.mode=z;break}if(t.mode=ei,n===Qr)break e;case ei:t.mode=ti;case ti:if(a>=6&&d>=258){e.next_out=o,e.avail_out=d,e.next_in=s,e.avail_in=a,t.hold=c,t.bits=u,Jw(e,f),o=e.next_out,i=e.output,d=e.avail_out,s=e.next_in,r=e.input,a=e.avail_in,c=t.hold,u=t.bits,t.mode===Ge&&(t.back=-1);break}for(t.back=0;g=t.lencode[c&(1<<t.lenbits)-1],w=g>>>24,b=g>>>16&255,v=g&65535,!(w<=u);){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}if(b&&(b&240)===0){for(m=w,x=b,_=v;g=t.lencode[_+((c&(1<<m+x)-1)>>m)],w=g>>>24,b=g>>>16&255,v=g&65535,!(m+w<=u);){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}c>>>=m,u-=m,t.back+=m}if(c>>>=w,u-=w,t.back+=w,t.length=v,b===0){t.mode=fu;break}if(b&32){t.back=-1,t.mode=Ge;break}if(b&64){e.msg="invalid literal/length code",t.mode=z;break}t.extra=b&15,t.mode=cu;case cu:if(t.extra){for(R=t.extra;u<R;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}t.length+=c&(1<<t.extra)-1,c>>>=t.extra,u-=t.extra,t.back+=t.extra}t.was=t.length,t.mode=lu;case lu:for(;g=t.distcode[c&(1<<t.distbits)-1],w=g>>>24,b=g>>>16&255,v=g&65535,!(w<=u);){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}if((b&240)===0){for(m=w,x=b,_=v;g=t.distcode[_+((c&(1<<m+x)-1)>>m)],w=g>>>24,b=g>>>16&255,v=g&65535,!(m+w<=u);){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}c>>>=m,u-=m,t.back+=m}if(c>>>=w,u-=w,t.back+=w,b&64){e.msg="invalid distance code",t.mode=z;break}t.offset=v,t.extra=b&15,t.mode=du;case du:if(t.extra){for(R=t.extra;u<R;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}t.offset+=c&(1<<t.extra)-1,c>>>=t.extra,u-=t.extra,t.back+=t.extra}if(t.offset>t.dmax){e.msg="invalid distance too far back",t.mode=z;break}t.mode=uu;case uu:if(d===0)break e;if(l=f-d,t.offset>l){if(l=t.offset-l,l>t.whave&&t.sane){e.msg="invalid distance too far back",t.mode=z;break}l>t.wnext?(l-=t.wnext,p=t.wsize-l):p=t.wnext-l,l>t.length&&(l=t.length),y=t.window}else y=i,p=o-t.offset,l=t.length;l>d&&(l=d),d-=l,t.length-=l;do i[o++]=y[p++];while(--l);t.length===0&&(t.mode=ti);break;case fu:if(d===0)break e;i[o++]=t.length,d--,t.mode=ti;break;case Gs:if(t.wrap){for(;u<32;){if(a===0)break e;a--,c|=r[s++]<<u,u+=8}if(f-=d,e.total_out+=f,t.total+=f,t.wrap&4&&f&&(e.adler=t.check=t.flags?J(t.check,i,f,o-f):Yn(t.check,i,f,o-f)),f=d,t.wrap&4&&(t.flags?c:gu(c))!==t.check){e.msg="incorrect data check",t.mode=z;break}c=0,u=0}t.mode=pu;case pu:if(t.wrap&&t.flags){for(;u<32;){if(a===0)break e;a--,c+=r[s++]<<u,u+=8}if(t.wrap&4&&c!==(t.total&4294967295)){e.msg="incorrect length check",t.mode=z;break}c=0,u=0}t.mode=hu;case hu:T=tm;break e;case z:T=Hu;break e;case Ju:return Ku;case Xu:default:return _e}return e.next_out=o,e.avail_out=d,e.next_in=s,e.avail_in=a,t.hold=c,t.bits=u,(t.wsize||f!==e.avail_out&&t.mode<z&&(t.mode<Gs||n!==Kd))&&Qu(e,e.output,e.next_out,f-e.avail_out),h-=e.avail_in,f-=e.avail_out,e.total_in+=h,e.total_out+=f,t.total+=f,t.wrap&4&&f&&(e.adler=t.check=t.flags?J(t.check,i,f,e.next_out-f):Yn(t.check,i,f,e.next_out-f)),e.data_type=t.bits+(t.last?64:0)+(t.mode===Ge?128:0)+(t.mode===ei||t.mode===Zs?256:0),(h===0&&f===0||n===Kd)&&T===Ct&&(T=rm),T},fm=e=>{if(Pt(e))return _e;let n=e.state;return n.window&&(n.window=null),e.state=null,Ct},pm=(e,n)=>{if(Pt(e))return _e;let t=e.state;return(t.wrap&2)===0?_e:(t.head=n,n.done=!1,Ct)},hm=(e,n)=>{let t=n.length,r,i,s;return Pt(e)||(r=e.state,r.wrap!==0&&r.mode!==si)?_e:r.mode===si&&(i=1,i=Yn(i,n,t,0),i!==r.check)?Hu:(s=Qu(e,n,t,t),s?(r.mode=Ju,Ku):(r.havedict=1,Ct))},gm=Gu,ym=Yu,wm=Zu,mm=lm,bm=Wu,vm=um,_m=fm,xm=pm,Em=hm,Sm="pako inflate (from Nodeca project)",Le={inflateReset:gm,inflateReset2:ym,inflateResetKeep:wm,inflateInit:mm,inflateInit2:bm,inflate:vm,inflateEnd:_m,inflateGetHeader:xm,inflateSetDictionary:Em,inflateInfo:Sm};function Im(){this.text=0,this.time=0,this.xflags=0,this.os=0,this.extra=null,this.extra_len=0,this.name="",this.comment="",this.hcrc=0,this.done=!1}var Tm=Im,ef=Object.prototype.toString,{Z_NO_FLUSH:Am,Z_FINISH:wu,Z_OK:on,Z_STREAM_END:Qs,Z_NEED_DICT:eo,Z_STREAM_ERROR:km,Z_DATA_ERROR:mu,Z_MEM_ERROR:Dm,Z_BUF_ERROR:bu}=dn,Rm={chunkSize:1024*64,windowBits:15,to:""};function rr(e){this.options=ai.assign({},Rm,e||{});let n=this.options;n.raw&&n.windowBits>=0&&n.windowBits<16&&(n.windowBits=-n.windowBits,n.windowBits===0&&(n.windowBits=-15)),n.windowBits>=0&&n.windowBits<16&&!(e&&e.windowBits)&&(n.windowBits+=32),n.windowBits>15&&n.windowBits<48&&(n.windowBits&15)===0&&(n.windowBits|=15),this.err=0,this.msg="",this.ended=!1,this.chunks=[],this.strm=new zu,this.strm.avail_out=0;let t=Le.inflateInit2(this.strm,n.windowBits);if(t!==on)throw new Error(jt[t]);if(this.header=new Tm,Le.inflateGetHeader(this.strm,this.header),n.dictionary&&(typeof n.dictionary=="string"?n.dictionary=Qn.string2buf(n.dictionary):ef.call(n.dictionary)==="[object ArrayBuffer]"&&(n.dictionary=new Uint8Array(n.dictionary)),n.raw&&(t=Le.inflateSetDictionary(this.strm,n.dictionary),t!==on)))throw new Error(jt[t])}rr.prototype.push=function(e,n){let t=this.strm,r=this.options.chunkSize,i=this.options.dictionary,s,o,a;if(this.ended)return!1;for(n===~~n?o=n:o=n===!0?wu:Am,ef.call(e)==="[object ArrayBuffer]"?t.input=new Uint8Array(e):t.input=e,t.next_in=0,t.avail_in=t.input.length;;){for(t.avail_out===0&&(t.output=new Uint8Array(r),t.next_out=0,t.avail_out=r),s=Le.inflate(t,o),s===eo&&i&&(s=Le.inflateSetDictionary(t,i),s===on?s=Le.inflate(t,o):s===mu&&(s=eo));t.avail_in>0&&s===Qs&&t.state.wrap&2&&t.state.flags!==0&&t.input[t.next_in]!==0;)Le.inflateReset(t),s=Le.inflate(t,o);switch(s){case km:case mu:case eo:case Dm:return this.onEnd(s),this.ended=!0,!1}if(a=t.avail_out,t.next_out&&(t.avail_out===0||s===Qs||o>0))if(this.options.to==="string"){let d=Qn.utf8border(t.output,t.next_out),c=t.next_out-d,u=Qn.buf2string(t.output,d);t.next_out=c,t.avail_out=r-c,c&&t.output.set(t.output.subarray(d,d+c),0),this.onData(u)}else this.onData(t.output.length===t.next_out?t.output:t.output.subarray(0,t.next_out)),t.avail_out=0,t.next_out=0;if(!((s===on||s===bu)&&a===0)){if(s===Qs)return s=Le.inflateEnd(this.strm),this.onEnd(s),this.ended=!0,!0;if(t.avail_in===0){if(o===wu)return s=Le.inflateEnd(this.strm),this.onEnd(s===on?bu:s),this.ended=!0,!1;break}}}return!0};rr.prototype.onData=function(e){this.chunks.push(e)};rr.prototype.onEnd=function(e){e===on&&(this.options.to==="string"?this.result=this.chunks.join(""):this.result=ai.flattenChunks(this.chunks)),this.chunks=[],this.err=e,this.msg=this.strm.msg};function mo(e,n){let t=new rr(n);if(t.push(e,!0),t.err)throw t.msg||jt[t.err];return t.result}function Om(e,n){return n=n||{},n.raw=!0,mo(e,n)}var Nm=rr,Lm=mo,jm=Om,Mm=mo,Um=dn,Cm={Inflate:Nm,inflate:Lm,inflateRaw:jm,ungzip:Mm,constants:Um},{Deflate:r_,deflate:i_,deflateRaw:s_,gzip:Pm}=Hw,{Inflate:o_,inflate:a_,inflateRaw:c_,ungzip:Bm}=Cm;var bo=Pm;var vo=Bm;var ir=class{constructor({length:n,buffer:t,leftToRightIndexing:r,littleEndianBits:i}={}){if(n&&t)throw new Error('Only one of "length" or "buffer" must be given.');if(n!==void 0?Bs(n,"length"):$s(t,"buffer"),i!==void 0){if(r!==void 0)throw new Error('Using both "littleEndianBits" and "leftToRightIndexing" is not allowed.');$n(i,"littleEndianBits"),r=i}r===void 0?r=!0:$n(r,"leftToRightIndexing"),n?(this.bits=new Uint8Array(Math.ceil(n/8)),this.length=n):(this.bits=new Uint8Array(t.buffer),this.length=t.length*8),this.leftToRightIndexing=r}set(n,t){Ps(n,"position"),$n(t,"on");let{length:r,leftToRightIndexing:i}=this,{index:s,bit:o}=tf(n,r,i);t?this.bits[s]|=o:this.bits[s]&=255^o}get(n){Ps(n,"position");let{length:t,leftToRightIndexing:r}=this,{index:i,bit:s}=tf(n,t,r);return!!(this.bits[i]&s)}async encodeBits(){return vr(bo(this.bits))}static async decodeBits({encoded:n}){return Nd(n,"encoded"),vo(tt(n))}async compressBits(){return bo(this.bits)}static async uncompressBits({compressed:n}){return $s(n,"compressed"),vo(n)}};function tf(e,n,t){if(Ld(e,"position"),Bs(n,"length"),$n(t,"leftToRightIndexing"),e>=n)throw new Error(`Position "${e}" is out of range "0-${n-1}".`);let r=Math.floor(e/8),i=e%8,o=1<<(t?7-i:i);return{index:r,bit:o}}var li=class e{constructor({length:n,buffer:t}={}){this.bitstring=new ir({length:n,buffer:t}),this.length=this.bitstring.length}setStatus(n,t){if(typeof t!="boolean")throw new TypeError('"status" must be a boolean.');return this.bitstring.set(n,t)}getStatus(n){return this.bitstring.get(n)}async encode(){return"u"+await this.bitstring.encodeBits()}static async decode({encodedList:n}){try{if(n[0]!=="u")throw'"encodedList" must start with the character "u".';let t=await ir.decodeBits({encoded:n.slice(1)});return new e({buffer:t})}catch(t){throw t instanceof Error?t:new Error(`Could not decode encoded status list; reason: ${t}`)}}};var nf={"@context":{"@protected":!0,id:"@id",type:"@type",BitstringStatusListCredential:"https://www.w3.org/ns/credentials/status#BitstringStatusListCredential",BitstringStatusList:{"@id":"https://www.w3.org/ns/credentials/status#BitstringStatusList","@context":{"@protected":!0,id:"@id",type:"@type",encodedList:{"@id":"https://www.w3.org/ns/credentials/status#encodedList","@type":"https://w3id.org/security#multibase"},statusPurpose:"https://www.w3.org/ns/credentials/status#statusPurpose",ttl:"https://www.w3.org/ns/credentials/status#ttl"}},BitstringStatusListEntry:{"@id":"https://www.w3.org/ns/credentials/status#BitstringStatusListEntry","@context":{"@protected":!0,id:"@id",type:"@type",statusListCredential:{"@id":"https://www.w3.org/ns/credentials/status#statusListCredential","@type":"@id"},statusListIndex:"https://www.w3.org/ns/credentials/status#statusListIndex",statusPurpose:"https://www.w3.org/ns/credentials/status#statusPurpose",statusMessage:{"@id":"https://www.w3.org/ns/credentials/status#statusMessage","@context":{"@protected":!0,id:"@id",type:"@type",message:"https://www.w3.org/ns/credentials/status#message",status:"https://www.w3.org/ns/credentials/status#status"}},statusReference:{"@id":"https://www.w3.org/ns/credentials/status#statusReference","@type":"@id"},statusSize:{"@id":"https://www.w3.org/ns/credentials/status#statusSize","@type":"https://www.w3.org/2001/XMLSchema#integer"}}}}};var di={CONTEXT_FILENAME:"vc-bitstring-status-list-v1.jsonld",CONTEXT_URL:"https://www.w3.org/ns/credentials/status/v1",CBORLD_VALUE:0},$m=new Map;$m.set(di.CONTEXT_URL,nf);var zm=new Map;zm.set(di.CONTEXT_URL,di.CBORLD_VALUE);var qm=di.CONTEXT_URL;var rf={"@context":{"@vocab":"https://www.w3.org/ns/credentials/undefined-term#"}};var sf={"@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",VerifiableCredential:{"@id":"https://www.w3.org/2018/credentials#VerifiableCredential","@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",cred:"https://www.w3.org/2018/credentials#",sec:"https://w3id.org/security#",xsd:"http://www.w3.org/2001/XMLSchema#",credentialSchema:{"@id":"cred:credentialSchema","@type":"@id","@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",cred:"https://www.w3.org/2018/credentials#",JsonSchemaValidator2018:"cred:JsonSchemaValidator2018"}},credentialStatus:{"@id":"cred:credentialStatus","@type":"@id"},credentialSubject:{"@id":"cred:credentialSubject","@type":"@id"},evidence:{"@id":"cred:evidence","@type":"@id"},expirationDate:{"@id":"cred:expirationDate","@type":"xsd:dateTime"},holder:{"@id":"cred:holder","@type":"@id"},issued:{"@id":"cred:issued","@type":"xsd:dateTime"},issuer:{"@id":"cred:issuer","@type":"@id"},issuanceDate:{"@id":"cred:issuanceDate","@type":"xsd:dateTime"},proof:{"@id":"sec:proof","@type":"@id","@container":"@graph"},refreshService:{"@id":"cred:refreshService","@type":"@id","@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",cred:"https://www.w3.org/2018/credentials#",ManualRefreshService2018:"cred:ManualRefreshService2018"}},termsOfUse:{"@id":"cred:termsOfUse","@type":"@id"},validFrom:{"@id":"cred:validFrom","@type":"xsd:dateTime"},validUntil:{"@id":"cred:validUntil","@type":"xsd:dateTime"}}},VerifiablePresentation:{"@id":"https://www.w3.org/2018/credentials#VerifiablePresentation","@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",cred:"https://www.w3.org/2018/credentials#",sec:"https://w3id.org/security#",holder:{"@id":"cred:holder","@type":"@id"},proof:{"@id":"sec:proof","@type":"@id","@container":"@graph"},verifiableCredential:{"@id":"cred:verifiableCredential","@type":"@id","@container":"@graph"}}},EcdsaSecp256k1Signature2019:{"@id":"https://w3id.org/security#EcdsaSecp256k1Signature2019","@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",sec:"https://w3id.org/security#",xsd:"http://www.w3.org/2001/XMLSchema#",challenge:"sec:challenge",created:{"@id":"http://purl.org/dc/terms/created","@type":"xsd:dateTime"},domain:"sec:domain",expires:{"@id":"sec:expiration","@type":"xsd:dateTime"},jws:"sec:jws",nonce:"sec:nonce",proofPurpose:{"@id":"sec:proofPurpose","@type":"@vocab","@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",sec:"https://w3id.org/security#",assertionMethod:{"@id":"sec:assertionMethod","@type":"@id","@container":"@set"},authentication:{"@id":"sec:authenticationMethod","@type":"@id","@container":"@set"}}},proofValue:"sec:proofValue",verificationMethod:{"@id":"sec:verificationMethod","@type":"@id"}}},EcdsaSecp256r1Signature2019:{"@id":"https://w3id.org/security#EcdsaSecp256r1Signature2019","@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",sec:"https://w3id.org/security#",xsd:"http://www.w3.org/2001/XMLSchema#",challenge:"sec:challenge",created:{"@id":"http://purl.org/dc/terms/created","@type":"xsd:dateTime"},domain:"sec:domain",expires:{"@id":"sec:expiration","@type":"xsd:dateTime"},jws:"sec:jws",nonce:"sec:nonce",proofPurpose:{"@id":"sec:proofPurpose","@type":"@vocab","@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",sec:"https://w3id.org/security#",assertionMethod:{"@id":"sec:assertionMethod","@type":"@id","@container":"@set"},authentication:{"@id":"sec:authenticationMethod","@type":"@id","@container":"@set"}}},proofValue:"sec:proofValue",verificationMethod:{"@id":"sec:verificationMethod","@type":"@id"}}},Ed25519Signature2018:{"@id":"https://w3id.org/security#Ed25519Signature2018","@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",sec:"https://w3id.org/security#",xsd:"http://www.w3.org/2001/XMLSchema#",challenge:"sec:challenge",created:{"@id":"http://purl.org/dc/terms/created","@type":"xsd:dateTime"},domain:"sec:domain",expires:{"@id":"sec:expiration","@type":"xsd:dateTime"},jws:"sec:jws",nonce:"sec:nonce",proofPurpose:{"@id":"sec:proofPurpose","@type":"@vocab","@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",sec:"https://w3id.org/security#",assertionMethod:{"@id":"sec:assertionMethod","@type":"@id","@container":"@set"},authentication:{"@id":"sec:authenticationMethod","@type":"@id","@container":"@set"}}},proofValue:"sec:proofValue",verificationMethod:{"@id":"sec:verificationMethod","@type":"@id"}}},RsaSignature2018:{"@id":"https://w3id.org/security#RsaSignature2018","@context":{"@version":1.1,"@protected":!0,challenge:"sec:challenge",created:{"@id":"http://purl.org/dc/terms/created","@type":"xsd:dateTime"},domain:"sec:domain",expires:{"@id":"sec:expiration","@type":"xsd:dateTime"},jws:"sec:jws",nonce:"sec:nonce",proofPurpose:{"@id":"sec:proofPurpose","@type":"@vocab","@context":{"@version":1.1,"@protected":!0,id:"@id",type:"@type",sec:"https://w3id.org/security#",assertionMethod:{"@id":"sec:assertionMethod","@type":"@id","@container":"@set"},authentication:{"@id":"sec:authenticationMethod","@type":"@id","@container":"@set"}}},proofValue:"sec:proofValue",verificationMethod:{"@id":"sec:verificationMethod","@type":"@id"}}},proof:{"@id":"https://w3id.org/security#proof","@type":"@id","@container":"@graph"}}};var of={"@context":{"@protected":!0,id:"@id",type:"@type",description:"https://schema.org/description",digestMultibase:{"@id":"https://w3id.org/security#digestMultibase","@type":"https://w3id.org/security#multibase"},digestSRI:{"@id":"https://www.w3.org/2018/credentials#digestSRI","@type":"https://www.w3.org/2018/credentials#sriString"},mediaType:{"@id":"https://schema.org/encodingFormat"},name:"https://schema.org/name",VerifiableCredential:{"@id":"https://www.w3.org/2018/credentials#VerifiableCredential","@context":{"@protected":!0,id:"@id",type:"@type",confidenceMethod:{"@id":"https://www.w3.org/2018/credentials#confidenceMethod","@type":"@id"},credentialSchema:{"@id":"https://www.w3.org/2018/credentials#credentialSchema","@type":"@id"},credentialStatus:{"@id":"https://www.w3.org/2018/credentials#credentialStatus","@type":"@id"},credentialSubject:{"@id":"https://www.w3.org/2018/credentials#credentialSubject","@type":"@id"},description:"https://schema.org/description",evidence:{"@id":"https://www.w3.org/2018/credentials#evidence","@type":"@id"},issuer:{"@id":"https://www.w3.org/2018/credentials#issuer","@type":"@id"},name:"https://schema.org/name",proof:{"@id":"https://w3id.org/security#proof","@type":"@id","@container":"@graph"},refreshService:{"@id":"https://www.w3.org/2018/credentials#refreshService","@type":"@id"},relatedResource:{"@id":"https://www.w3.org/2018/credentials#relatedResource","@type":"@id"},renderMethod:{"@id":"https://www.w3.org/2018/credentials#renderMethod","@type":"@id"},termsOfUse:{"@id":"https://www.w3.org/2018/credentials#termsOfUse","@type":"@id"},validFrom:{"@id":"https://www.w3.org/2018/credentials#validFrom","@type":"http://www.w3.org/2001/XMLSchema#dateTime"},validUntil:{"@id":"https://www.w3.org/2018/credentials#validUntil","@type":"http://www.w3.org/2001/XMLSchema#dateTime"}}},EnvelopedVerifiableCredential:"https://www.w3.org/2018/credentials#EnvelopedVerifiableCredential",VerifiablePresentation:{"@id":"https://www.w3.org/2018/credentials#VerifiablePresentation","@context":{"@protected":!0,id:"@id",type:"@type",holder:{"@id":"https://www.w3.org/2018/credentials#holder","@type":"@id"},proof:{"@id":"https://w3id.org/security#proof","@type":"@id","@container":"@graph"},termsOfUse:{"@id":"https://www.w3.org/2018/credentials#termsOfUse","@type":"@id"},verifiableCredential:{"@id":"https://www.w3.org/2018/credentials#verifiableCredential","@type":"@id","@container":"@graph","@context":null}}},EnvelopedVerifiablePresentation:"https://www.w3.org/2018/credentials#EnvelopedVerifiablePresentation",JsonSchemaCredential:"https://www.w3.org/2018/credentials#JsonSchemaCredential",JsonSchema:{"@id":"https://www.w3.org/2018/credentials#JsonSchema","@context":{"@protected":!0,id:"@id",type:"@type",jsonSchema:{"@id":"https://www.w3.org/2018/credentials#jsonSchema","@type":"@json"}}},BitstringStatusListCredential:"https://www.w3.org/ns/credentials/status#BitstringStatusListCredential",BitstringStatusList:{"@id":"https://www.w3.org/ns/credentials/status#BitstringStatusList","@context":{"@protected":!0,id:"@id",type:"@type",encodedList:{"@id":"https://www.w3.org/ns/credentials/status#encodedList","@type":"https://w3id.org/security#multibase"},statusPurpose:"https://www.w3.org/ns/credentials/status#statusPurpose",ttl:"https://www.w3.org/ns/credentials/status#ttl"}},BitstringStatusListEntry:{"@id":"https://www.w3.org/ns/credentials/status#BitstringStatusListEntry","@context":{"@protected":!0,id:"@id",type:"@type",statusListCredential:{"@id":"https://www.w3.org/ns/credentials/status#statusListCredential","@type":"@id"},statusListIndex:"https://www.w3.org/ns/credentials/status#statusListIndex",statusPurpose:"https://www.w3.org/ns/credentials/status#statusPurpose",statusMessage:{"@id":"https://www.w3.org/ns/credentials/status#statusMessage","@context":{"@protected":!0,id:"@id",type:"@type",message:"https://www.w3.org/ns/credentials/status#message",status:"https://www.w3.org/ns/credentials/status#status"}},statusReference:{"@id":"https://www.w3.org/ns/credentials/status#statusReference","@type":"@id"},statusSize:{"@id":"https://www.w3.org/ns/credentials/status#statusSize","@type":"https://www.w3.org/2001/XMLSchema#integer"}}},DataIntegrityProof:{"@id":"https://w3id.org/security#DataIntegrityProof","@context":{"@protected":!0,id:"@id",type:"@type",challenge:"https://w3id.org/security#challenge",created:{"@id":"http://purl.org/dc/terms/created","@type":"http://www.w3.org/2001/XMLSchema#dateTime"},cryptosuite:{"@id":"https://w3id.org/security#cryptosuite","@type":"https://w3id.org/security#cryptosuiteString"},domain:"https://w3id.org/security#domain",expires:{"@id":"https://w3id.org/security#expiration","@type":"http://www.w3.org/2001/XMLSchema#dateTime"},nonce:"https://w3id.org/security#nonce",previousProof:{"@id":"https://w3id.org/security#previousProof","@type":"@id"},proofPurpose:{"@id":"https://w3id.org/security#proofPurpose","@type":"@vocab","@context":{"@protected":!0,id:"@id",type:"@type",assertionMethod:{"@id":"https://w3id.org/security#assertionMethod","@type":"@id","@container":"@set"},authentication:{"@id":"https://w3id.org/security#authenticationMethod","@type":"@id","@container":"@set"},capabilityDelegation:{"@id":"https://w3id.org/security#capabilityDelegationMethod","@type":"@id","@container":"@set"},capabilityInvocation:{"@id":"https://w3id.org/security#capabilityInvocationMethod","@type":"@id","@container":"@set"},keyAgreement:{"@id":"https://w3id.org/security#keyAgreementMethod","@type":"@id","@container":"@set"}}},proofValue:{"@id":"https://w3id.org/security#proofValue","@type":"https://w3id.org/security#multibase"},verificationMethod:{"@id":"https://w3id.org/security#verificationMethod","@type":"@id"}}},"...":{"@id":"https://www.iana.org/assignments/jwt#..."},_sd:{"@id":"https://www.iana.org/assignments/jwt#_sd","@type":"@json"},_sd_alg:{"@id":"https://www.iana.org/assignments/jwt#_sd_alg"},aud:{"@id":"https://www.iana.org/assignments/jwt#aud","@type":"@id"},cnf:{"@id":"https://www.iana.org/assignments/jwt#cnf","@context":{"@protected":!0,kid:{"@id":"https://www.iana.org/assignments/jwt#kid","@type":"@id"},jwk:{"@id":"https://www.iana.org/assignments/jwt#jwk","@type":"@json"}}},exp:{"@id":"https://www.iana.org/assignments/jwt#exp","@type":"https://www.w3.org/2001/XMLSchema#nonNegativeInteger"},iat:{"@id":"https://www.iana.org/assignments/jwt#iat","@type":"https://www.w3.org/2001/XMLSchema#nonNegativeInteger"},iss:{"@id":"https://www.iana.org/assignments/jose#iss","@type":"@id"},jku:{"@id":"https://www.iana.org/assignments/jose#jku","@type":"@id"},kid:{"@id":"https://www.iana.org/assignments/jose#kid","@type":"@id"},nbf:{"@id":"https://www.iana.org/assignments/jwt#nbf","@type":"https://www.w3.org/2001/XMLSchema#nonNegativeInteger"},sub:{"@id":"https://www.iana.org/assignments/jose#sub","@type":"@id"},x5u:{"@id":"https://www.iana.org/assignments/jose#x5u","@type":"@id"}}};var sr=new Map,_o=new Map,We=new Map;function xo({contextsMap:e,metadataMap:n,namedMap:t,metadata:r}){e.set(r.id,r.context),n.set(r.id,r),t.set(r.shortName,r)}xo({contextsMap:sr,metadataMap:_o,namedMap:We,metadata:{id:"https://www.w3.org/ns/credentials/undefined-terms/v2",type:"ContextMetadata",shortName:"undefined-terms-v2",url:new URL("../contexts/undefined-terms-v2.jsonld",import.meta.url),context:rf}});xo({contextsMap:sr,metadataMap:_o,namedMap:We,metadata:{id:"https://www.w3.org/2018/credentials/v1",type:"ContextMetadata",shortName:"v1",url:new URL("../contexts/v1.jsonld",import.meta.url),context:sf}});xo({contextsMap:sr,metadataMap:_o,namedMap:We,metadata:{id:"https://www.w3.org/ns/credentials/v2",type:"ContextMetadata",shortName:"v2",url:new URL("../contexts/v2.jsonld",import.meta.url),context:of}});var af=new RegExp("-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](.[0-9]+)?|(24:00:00(.0+)?))(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"),cf=We.get("v1").id,lf=We.get("v2").id,df=new Map([[cf,1],[lf,2]]);function uf({context:e}){if(!df.has(e[0]))throw new Error(`"${cf}" or "${lf}" needs to be first in the list of contexts.`)}function or({credential:e,prop:n}){let t=e[n];if(!af.test(t))throw new Error(`"${n}" must be a valid date: ${t}`)}function Vm({credential:e}={}){let n=e?.["@context"]?.[0];return df.get(n)}function Eo({credential:e,version:n}){return Vm({credential:e})===n}function ar({t1:e,t2:n,maxClockSkew:t}){return Math.abs(e-n)<t*1e3?0:e<n?-1:1}var ff=new Map([...sr]);async function pf(e){let n=ff.get(e);if(n!==void 0)return{contextUrl:null,documentUrl:e,document:n};throw new Error(`Document loader unable to load URL "${e}".`)}var hf=$e(Kr(),1),gf=$e(kt(),1);var{purposes:{AssertionProofPurpose:Fm}}=hf.default,ui=class extends Fm{constructor({controller:n,date:t,maxTimestampDelta:r}={}){super({controller:n,date:t,maxTimestampDelta:r})}async validate(n,{document:t,suite:r,verificationMethod:i,documentLoader:s}){try{let o=await super.validate(n,{document:t,suite:r,verificationMethod:i,documentLoader:s});if(!o.valid)throw o.error;let a=gf.default.getValues(t,"issuer");if(!a||a.length===0)throw new Error("Credential issuer is required.");let d=typeof a[0]=="string"?a[0]:a[0].id;if(o.controller.id!==d)throw new Error("Credential issuer must match the verification method controller.");return{valid:!0}}catch(o){return{valid:!1,error:o}}}};var pi=$e(Kr(),1),pn=$e(kt(),1);var{AssertionProofPurpose:M_,AuthenticationProofPurpose:U_}=pi.default.purposes,Hm=pi.default.extendContextLoader(pf);async function bf(e={}){let{credential:n}=e;try{if(!n)throw new TypeError('A "credential" property is required for verifying.');return await Km(e)}catch(t){return{verified:!1,results:[{credential:n,verified:!1,error:t}],error:t}}}async function Km(e={}){let{credential:n,checkStatus:t,now:r,maxClockSkew:i}=e;if(Xm({credential:n,now:r,maxClockSkew:i}),n.credentialStatus&&typeof e.checkStatus!="function")throw new TypeError('A "checkStatus" function must be given to verify credentials with "credentialStatus".');let s=e.documentLoader||Hm,{controller:o}=e,a=e.purpose||new ui({controller:o}),d=await pi.default.verify(n,{...e,purpose:a,documentLoader:s});return d.verified&&n.credentialStatus&&(d.statusResult=await t(e),d.statusResult.verified||(d.verified=!1)),d}function yf(e){if(typeof e=="string")return e;if("id"in e)return e.id}var Jm=["proof","credentialStatus","termsOfUse","evidence"];function Xm({credential:e,now:n=new Date,mode:t="verify",maxClockSkew:r=300}={}){if(typeof n=="string"&&(n=new Date(n)),uf({context:e["@context"]}),!e.type)throw new Error('"type" property is required.');if(!pn.default.getValues(e,"type").includes("VerifiableCredential"))throw new Error('"type" must include `VerifiableCredential`.');if(Zm({credential:e}),!e.issuer)throw new Error('"issuer" property is required.');if(Eo({credential:e,version:1})){if(!e.issuanceDate)throw new Error('"issuanceDate" property is required.');if(or({credential:e,prop:"issuanceDate"}),pn.default.getValues(e,"issuanceDate").length>1)throw new Error('"issuanceDate" property can only have one value.');if("expirationDate"in e&&(or({credential:e,prop:"expirationDate"}),t==="verify")){let i=new Date(e.expirationDate);if(ar({t1:n,t2:i,maxClockSkew:r})>0)throw new Error("Credential has expired.")}if(t==="verify"){let i=new Date(e.issuanceDate);if(ar({t1:i,t2:n,maxClockSkew:r})>0)throw new Error(`The current date time (${n.toISOString()}) is before the "issuanceDate" (${e.issuanceDate}).`)}}if(Eo({credential:e,version:2})){let{validUntil:i,validFrom:s}=e;if(i&&(or({credential:e,prop:"validUntil"}),t==="verify"&&(i=new Date(e.validUntil),ar({t1:n,t2:i,maxClockSkew:r})>0)))throw new Error(`The current date time (${n.toISOString()}) is after "validUntil" (${e.validUntil}).`);if(s&&(or({credential:e,prop:"validFrom"}),t==="verify"&&(s=new Date(e.validFrom),ar({t1:s,t2:n,maxClockSkew:r})>0)))throw new Error(`The current date time (${n.toISOString()}) is before "validFrom" (${e.validFrom}).`)}if(pn.default.getValues(e,"issuer").length>1)throw new Error('"issuer" property can only have one value.');if("issuer"in e){let i=yf(e.issuer);if(!i)throw new Error('"issuer" id is required.');fi({id:i,propertyName:"issuer"})}pn.default.getValues(e,"credentialStatus").forEach(i=>{if("id"in i&&fi({id:i.id,propertyName:"credentialStatus.id"}),!i.type)throw new Error('"credentialStatus" must include a type.')}),pn.default.getValues(e,"evidence").forEach(i=>{let s=yf(i);s&&fi({id:s,propertyName:"evidence"})});for(let i of Jm)if(i in e){let s=e[i];if(Array.isArray(s)){s.forEach(o=>wf(o,i));continue}wf(s,i)}}function wf(e,n){if(!So(e))throw new Error(`property "${n}" must be an object.`);if(vf(e))throw new Error(`property "${n}" can not be an empty object.`);if(!("type"in e))throw new Error(`property "${n}" must have property type.`)}function Zm({credential:e}){if(!e?.credentialSubject)throw new Error('"credentialSubject" property is required.');return Array.isArray(e?.credentialSubject)?e?.credentialSubject.map(n=>mf({subject:n})):mf({subject:e?.credentialSubject})}function mf({subject:e}){if(So(e)===!1)throw new Error('"credentialSubject" must be a non-null object.');if(vf(e))throw new Error('"credentialSubject" must make a claim.');e.id&&fi({id:e.id,propertyName:"credentialSubject.id"})}function So(e){return e===null?!1:typeof e=="object"}function vf(e){return So(e)?Object.keys(e).length===0:!0}function fi({id:e,propertyName:n}){let t;try{t=new URL(e)}catch(r){let i=new TypeError(`"${n}" must be a URI: "${e}".`);throw i.cause=r,i}if(!t.protocol)throw new TypeError(`"${n}" must be a URI: "${e}".`)}var V_=We.get("v1").id,F_=We.get("v2").id;async function Gm({encodedList:e}){return li.decode({encodedList:e})}async function _f({credential:e,documentLoader:n,suite:t,verifyBitstringStatusListCredential:r=!0,verifyMatchingIssuers:i=!0}={}){let s;try{s=await Wm({credential:e,documentLoader:n,suite:t,verifyBitstringStatusListCredential:r,verifyMatchingIssuers:i})}catch(o){s={verified:!1,error:o}}return s}async function Ym({credential:e,credentialStatus:n,verifyBitstringStatusListCredential:t,verifyMatchingIssuers:r,suite:i,documentLoader:s}){let{statusListIndex:o}=n,a=parseInt(o,10),d;try{({document:d}=await s(n.statusListCredential))}catch(y){let g=new Error(`Could not load "BitstringStatusListCredential"; reason: ${y.message}`);throw g.cause=y,g}let{statusPurpose:c}=n,{statusPurpose:u}=d.credentialSubject;if(u!==c)throw new Error(`The status purpose "${u}" of the status list credential does not match the status purpose "${c}" in the credential.`);if(t){let y=await bf({credential:d,suite:i,documentLoader:s});if(!y.verified){let{error:g}=y,w='"BitstringStatusListCredential" not verified';g?w+=`; reason: ${g.message}`:w+=".";let b=new Error(w);throw g&&(b.cause=y.error),b}}if(r){let y=typeof e.issuer=="object"?e.issuer.id:e.issuer,g=typeof d.issuer=="object"?d.issuer.id:d.issuer;if(!(y&&g)||y!==g)throw new Error("Issuers of the status list credential and verifiable credential do not match.")}if(!d.type.includes("BitstringStatusListCredential"))throw new Error('Status list credential type must include "BitstringStatusListCredential".');let{credentialSubject:h}=d;if(h.type!=="BitstringStatusList")throw new Error('Status list type must be "BitstringStatusList".');let{encodedList:f}=h,p=(await Gm({encodedList:f})).getStatus(a);return{verified:!0,credentialStatus:n,status:p}}async function Wm({credential:e,documentLoader:n,suite:t,verifyBitstringStatusListCredential:r,verifyMatchingIssuers:i}){if(e0({credential:e}),typeof n!="function")throw new TypeError('"documentLoader" must be a function.');if(r&&!(t&&(n0(t)||!Array.isArray(t)&&typeof t=="object")))throw new TypeError('"suite" must be an object or an array of objects.');let s=t0({credential:e});if(s.length===0)throw new Error('"credentialStatus.type" must be "BitstringStatusListEntry".');s.forEach(d=>Qm({credentialStatus:d}));let o=await Promise.all(s.map(d=>Ym({credential:e,credentialStatus:d,suite:t,documentLoader:n,verifyBitstringStatusListCredential:r,verifyMatchingIssuers:i})));return{verified:o.every(({verified:d=!1}={})=>d===!0),results:o}}function Qm({credentialStatus:e}){if(e.type!=="BitstringStatusListEntry")throw new Error('"credentialStatus.type" must be "BitstringStatusListEntry".');if(typeof e.statusPurpose!="string")throw new TypeError('"credentialStatus.statusPurpose" must be a string.');if(e.id&&typeof e.id!="string")throw new TypeError('"credentialStatus.id" must be a string.');if(typeof e.statusListCredential!="string")throw new TypeError('"credentialStatus.statusListCredential" must be a string.');let n=parseInt(e.statusListIndex,10);if(isNaN(n))throw new TypeError('"statusListIndex" must be an integer.');if(e.id===e.statusListCredential)throw new Error('"credentialStatus.id" must not be "credentialStatus.statusListCredential".');return e}function e0({credential:e}){if(!(e&&typeof e=="object"))throw new TypeError('"credential" must be an object.')}function t0({credential:e}){let{credentialStatus:n}=e;return Array.isArray(n)?n.filter(t=>t.type==="BitstringStatusListEntry"):n&&n.type==="BitstringStatusListEntry"?[n]:[]}function n0(e){return Array.isArray(e)&&e.length>0&&e.every(n=>n&&typeof n=="object")}var Io=new Map([["https://www.w3.org/ns/credentials/v2",`{
  "@context": {
    "@protected": true,
    "id": "@id",
    "type": "@type",
    "description": "https://schema.org/description",
    "digestMultibase": {
      "@id": "https://w3id.org/security#digestMultibase",
      "@type": "https://w3id.org/security#multibase"
    },
    "digestSRI": {
      "@id": "https://www.w3.org/2018/credentials#digestSRI",
      "@type": "https://www.w3.org/2018/credentials#sriString"
    },
    "mediaType": {
      "@id": "https://schema.org/encodingFormat"
    },
    "name": "https://schema.org/name",
    "VerifiableCredential": {
      "@id": "https://www.w3.org/2018/credentials#VerifiableCredential",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "confidenceMethod": {
          "@id": "https://www.w3.org/2018/credentials#confidenceMethod",
          "@type": "@id"
        },
        "credentialSchema": {
          "@id": "https://www.w3.org/2018/credentials#credentialSchema",
          "@type": "@id"
        },
        "credentialStatus": {
          "@id": "https://www.w3.org/2018/credentials#credentialStatus",
          "@type": "@id"
        },
        "credentialSubject": {
          "@id": "https://www.w3.org/2018/credentials#credentialSubject",
          "@type": "@id"
        },
        "description": "https://schema.org/description",
        "evidence": {
          "@id": "https://www.w3.org/2018/credentials#evidence",
          "@type": "@id"
        },
        "issuer": {
          "@id": "https://www.w3.org/2018/credentials#issuer",
          "@type": "@id"
        },
        "name": "https://schema.org/name",
        "proof": {
          "@id": "https://w3id.org/security#proof",
          "@type": "@id",
          "@container": "@graph"
        },
        "refreshService": {
          "@id": "https://www.w3.org/2018/credentials#refreshService",
          "@type": "@id"
        },
        "relatedResource": {
          "@id": "https://www.w3.org/2018/credentials#relatedResource",
          "@type": "@id"
        },
        "renderMethod": {
          "@id": "https://www.w3.org/2018/credentials#renderMethod",
          "@type": "@id"
        },
        "termsOfUse": {
          "@id": "https://www.w3.org/2018/credentials#termsOfUse",
          "@type": "@id"
        },
        "validFrom": {
          "@id": "https://www.w3.org/2018/credentials#validFrom",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "validUntil": {
          "@id": "https://www.w3.org/2018/credentials#validUntil",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        }
      }
    },
    "EnvelopedVerifiableCredential": "https://www.w3.org/2018/credentials#EnvelopedVerifiableCredential",
    "VerifiablePresentation": {
      "@id": "https://www.w3.org/2018/credentials#VerifiablePresentation",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "holder": {
          "@id": "https://www.w3.org/2018/credentials#holder",
          "@type": "@id"
        },
        "proof": {
          "@id": "https://w3id.org/security#proof",
          "@type": "@id",
          "@container": "@graph"
        },
        "termsOfUse": {
          "@id": "https://www.w3.org/2018/credentials#termsOfUse",
          "@type": "@id"
        },
        "verifiableCredential": {
          "@id": "https://www.w3.org/2018/credentials#verifiableCredential",
          "@type": "@id",
          "@container": "@graph",
          "@context": null
        }
      }
    },
    "EnvelopedVerifiablePresentation": "https://www.w3.org/2018/credentials#EnvelopedVerifiablePresentation",
    "JsonSchemaCredential": "https://www.w3.org/2018/credentials#JsonSchemaCredential",
    "JsonSchema": {
      "@id": "https://www.w3.org/2018/credentials#JsonSchema",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "jsonSchema": {
          "@id": "https://www.w3.org/2018/credentials#jsonSchema",
          "@type": "@json"
        }
      }
    },
    "BitstringStatusListCredential": "https://www.w3.org/ns/credentials/status#BitstringStatusListCredential",
    "BitstringStatusList": {
      "@id": "https://www.w3.org/ns/credentials/status#BitstringStatusList",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "encodedList": {
          "@id": "https://www.w3.org/ns/credentials/status#encodedList",
          "@type": "https://w3id.org/security#multibase"
        },
        "statusPurpose": "https://www.w3.org/ns/credentials/status#statusPurpose",
        "ttl": "https://www.w3.org/ns/credentials/status#ttl"
      }
    },
    "BitstringStatusListEntry": {
      "@id": "https://www.w3.org/ns/credentials/status#BitstringStatusListEntry",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "statusListCredential": {
          "@id": "https://www.w3.org/ns/credentials/status#statusListCredential",
          "@type": "@id"
        },
        "statusListIndex": "https://www.w3.org/ns/credentials/status#statusListIndex",
        "statusPurpose": "https://www.w3.org/ns/credentials/status#statusPurpose",
        "statusMessage": {
          "@id": "https://www.w3.org/ns/credentials/status#statusMessage",
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "message": "https://www.w3.org/ns/credentials/status#message",
            "status": "https://www.w3.org/ns/credentials/status#status"
          }
        },
        "statusReference": {
          "@id": "https://www.w3.org/ns/credentials/status#statusReference",
          "@type": "@id"
        },
        "statusSize": {
          "@id": "https://www.w3.org/ns/credentials/status#statusSize",
          "@type": "https://www.w3.org/2001/XMLSchema#integer"
        }
      }
    },
    "DataIntegrityProof": {
      "@id": "https://w3id.org/security#DataIntegrityProof",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "challenge": "https://w3id.org/security#challenge",
        "created": {
          "@id": "http://purl.org/dc/terms/created",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "cryptosuite": {
          "@id": "https://w3id.org/security#cryptosuite",
          "@type": "https://w3id.org/security#cryptosuiteString"
        },
        "domain": "https://w3id.org/security#domain",
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "nonce": "https://w3id.org/security#nonce",
        "previousProof": {
          "@id": "https://w3id.org/security#previousProof",
          "@type": "@id"
        },
        "proofPurpose": {
          "@id": "https://w3id.org/security#proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "assertionMethod": {
              "@id": "https://w3id.org/security#assertionMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "authentication": {
              "@id": "https://w3id.org/security#authenticationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityDelegation": {
              "@id": "https://w3id.org/security#capabilityDelegationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityInvocation": {
              "@id": "https://w3id.org/security#capabilityInvocationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "keyAgreement": {
              "@id": "https://w3id.org/security#keyAgreementMethod",
              "@type": "@id",
              "@container": "@set"
            }
          }
        },
        "proofValue": {
          "@id": "https://w3id.org/security#proofValue",
          "@type": "https://w3id.org/security#multibase"
        },
        "verificationMethod": {
          "@id": "https://w3id.org/security#verificationMethod",
          "@type": "@id"
        }
      }
    },
    "...": {
      "@id": "https://www.iana.org/assignments/jwt#..."
    },
    "_sd": {
      "@id": "https://www.iana.org/assignments/jwt#_sd",
      "@type": "@json"
    },
    "_sd_alg": {
      "@id": "https://www.iana.org/assignments/jwt#_sd_alg"
    },
    "aud": {
      "@id": "https://www.iana.org/assignments/jwt#aud",
      "@type": "@id"
    },
    "cnf": {
      "@id": "https://www.iana.org/assignments/jwt#cnf",
      "@context": {
        "@protected": true,
        "kid": {
          "@id": "https://www.iana.org/assignments/jwt#kid",
          "@type": "@id"
        },
        "jwk": {
          "@id": "https://www.iana.org/assignments/jwt#jwk",
          "@type": "@json"
        }
      }
    },
    "exp": {
      "@id": "https://www.iana.org/assignments/jwt#exp",
      "@type": "https://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    },
    "iat": {
      "@id": "https://www.iana.org/assignments/jwt#iat",
      "@type": "https://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    },
    "iss": {
      "@id": "https://www.iana.org/assignments/jose#iss",
      "@type": "@id"
    },
    "jku": {
      "@id": "https://www.iana.org/assignments/jose#jku",
      "@type": "@id"
    },
    "kid": {
      "@id": "https://www.iana.org/assignments/jose#kid",
      "@type": "@id"
    },
    "nbf": {
      "@id": "https://www.iana.org/assignments/jwt#nbf",
      "@type": "https://www.w3.org/2001/XMLSchema#nonNegativeInteger"
    },
    "sub": {
      "@id": "https://www.iana.org/assignments/jose#sub",
      "@type": "@id"
    },
    "x5u": {
      "@id": "https://www.iana.org/assignments/jose#x5u",
      "@type": "@id"
    }
  }
}
`],["https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",`{
  "@context": {
    "@protected": true,
    "id": "@id",
    "type": "@type",
    "OpenBadgeCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential"
    },
    "Achievement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievementType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievementType"
        },
        "alignment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
          "@container": "@set"
        },
        "creator": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creator"
        },
        "creditsAvailable": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable",
          "@type": "https://www.w3.org/2001/XMLSchema#float"
        },
        "criteria": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria",
          "@type": "@id"
        },
        "fieldOfStudy": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#fieldOfStudy"
        },
        "humanCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#humanCode"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "related": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#related",
          "@container": "@set"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@container": "@set"
        },
        "specialization": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#specialization"
        },
        "tag": {
          "@id": "https://schema.org/keywords",
          "@container": "@set"
        },
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version"
        },
        "inLanguage": {
          "@id": "https://schema.org/inLanguage"
        }
      }
    },
    "AchievementCredential": {
      "@id": "OpenBadgeCredential"
    },
    "AchievementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#AchievementSubject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievement": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievement"
        },
        "activityEndDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityEndDate",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "activityStartDate": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#activityStartDate",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "creditsEarned": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsEarned",
          "@type": "https://www.w3.org/2001/XMLSchema#float"
        },
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier",
          "@container": "@set"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
          "@type": "@id"
        },
        "licenseNumber": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#licenseNumber"
        },
        "result": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#result",
          "@container": "@set"
        },
        "role": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#role"
        },
        "source": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#source",
          "@type": "@id"
        },
        "term": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#term"
        }
      }
    },
    "Address": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Address",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "addressCountry": {
          "@id": "https://schema.org/addressCountry"
        },
        "addressCountryCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#CountryCode"
        },
        "addressLocality": {
          "@id": "https://schema.org/addressLocality"
        },
        "addressRegion": {
          "@id": "https://schema.org/addressRegion"
        },
        "geo": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates"
        },
        "postOfficeBoxNumber": {
          "@id": "https://schema.org/postOfficeBoxNumber"
        },
        "postalCode": {
          "@id": "https://schema.org/postalCode"
        },
        "streetAddress": {
          "@id": "https://schema.org/streetAddress"
        }
      }
    },
    "Alignment": {
      "@id": "https://schema.org/AlignmentObject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "targetCode": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetCode"
        },
        "targetDescription": {
          "@id": "https://schema.org/targetDescription"
        },
        "targetFramework": {
          "@id": "https://schema.org/targetFramework"
        },
        "targetName": {
          "@id": "https://schema.org/targetName"
        },
        "targetType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType"
        },
        "targetUrl": {
          "@id": "https://schema.org/targetUrl",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        }
      }
    },
    "Criteria": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Criteria"
    },
    "EndorsementCredential": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementCredential"
    },
    "EndorsementSubject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#EndorsementSubject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "endorsementComment": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementComment"
        }
      }
    },
    "Evidence": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Evidence",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "audience": {
          "@id": "https://schema.org/audience"
        },
        "genre": {
          "@id": "https://schema.org/genre"
        }
      }
    },
    "GeoCoordinates": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#GeoCoordinates",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "latitude": {
          "@id": "https://schema.org/latitude"
        },
        "longitude": {
          "@id": "https://schema.org/longitude"
        }
      }
    },
    "IdentifierEntry": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentifierEntry",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "identifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifier"
        },
        "identifierType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identifierType"
        }
      }
    },
    "IdentityObject": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#IdentityObject",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "hashed": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#hashed",
          "@type": "https://www.w3.org/2001/XMLSchema#boolean"
        },
        "identityHash": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityHash"
        },
        "identityType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#identityType"
        },
        "salt": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#salt"
        }
      }
    },
    "Image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Image",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "caption": {
          "@id": "https://schema.org/caption"
        }
      }
    },
    "Profile": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "additionalName": {
          "@id": "https://schema.org/additionalName"
        },
        "address": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#address",
          "@type": "@id"
        },
        "dateOfBirth": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#dateOfBirth",
          "@type": "https://www.w3.org/2001/XMLSchema#date"
        },
        "email": {
          "@id": "https://schema.org/email"
        },
        "familyName": {
          "@id": "https://schema.org/familyName"
        },
        "familyNamePrefix": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#familyNamePrefix"
        },
        "givenName": {
          "@id": "https://schema.org/givenName"
        },
        "honorificPrefix": {
          "@id": "https://schema.org/honorificPrefix"
        },
        "honorificSuffix": {
          "@id": "https://schema.org/honorificSuffix"
        },
        "image": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
          "@type": "@id"
        },
        "otherIdentifier": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#otherIdentifier",
          "@container": "@set"
        },
        "parentOrg": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#parentOrg",
          "@type": "@id"
        },
        "patronymicName": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#patronymicName"
        },
        "phone": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#phone"
        },
        "official": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#official"
        }
      }
    },
    "Related": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Related",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "version": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#version"
        },
        "inLanguage": {
          "@id": "https://schema.org/inLanguage"
        }
      }
    },
    "Result": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Result",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "achievedLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#achievedLevel",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "resultDescription": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultDescription",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "status": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#status"
        },
        "value": {
          "@id": "https://schema.org/value"
        }
      }
    },
    "ResultDescription": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#ResultDescription",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "allowedValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#allowedValue",
          "@container": "@list"
        },
        "requiredLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredLevel",
          "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
        },
        "requiredValue": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#requiredValue"
        },
        "resultType": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#resultType"
        },
        "rubricCriterionLevel": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#rubricCriterionLevel",
          "@container": "@set"
        },
        "valueMax": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMax"
        },
        "valueMin": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#valueMin"
        }
      }
    },
    "RubricCriterionLevel": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#RubricCriterionLevel",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "level": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#level"
        },
        "points": {
          "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#points"
        }
      }
    },
    "alignment": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#alignment",
      "@container": "@set"
    },
    "description": {
      "@id": "https://schema.org/description"
    },
    "endorsement": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsement",
      "@container": "@set"
    },
    "image": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#image",
      "@type": "@id"
    },
    "inLanguage": {
      "@id": "https://schema.org/inLanguage"
    },
    "name": {
      "@id": "https://schema.org/name"
    },
    "narrative": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#narrative"
    },
    "url": {
      "@id": "https://schema.org/url",
      "@type": "https://www.w3.org/2001/XMLSchema#anyURI"
    },
    "awardedDate": {
      "@id": "https://purl.imsglobal.org/spec/vc/ob/vocab.html#awardedDate",
      "@type": "xsd:dateTime"
    }
  }
}`],["https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",`{
  "@context": {
    "id": "@id",
    "type": "@type",
    "1EdTechJsonSchemaValidator2019": "https://purl.imsglobal.org/spec/vccs/v1p0/context.json#1EdTechJsonSchemaValidator2019",
    "1EdTechRevocationList": "https://purl.imsglobal.org/spec/vcrl/v1p0/context.json#1EdTechRevocationList",
    "1EdTechCredentialRefresh": "https://purl.imsglobal.org/spec/vccr/v1p0/context.json#1EdTechCredentialRefresh"
  }
}`],["https://w3id.org/security/multikey/v1",`{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "Multikey": {
      "@id": "https://w3id.org/security#Multikey",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "controller": {
          "@id": "https://w3id.org/security#controller",
          "@type": "@id"
        },
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "revoked": {
          "@id": "https://w3id.org/security#revoked",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "publicKeyMultibase": {
          "@id": "https://w3id.org/security#publicKeyMultibase",
          "@type": "https://w3id.org/security#multibase"
        },
        "secretKeyMultibase": {
          "@id": "https://w3id.org/security#secretKeyMultibase",
          "@type": "https://w3id.org/security#multibase"
        }
      }
    }
  }
}`],["https://w3id.org/security/data-integrity/v2",`{
  "@context": {
    "id": "@id",
    "type": "@type",
    "@protected": true,
    "proof": {
      "@id": "https://w3id.org/security#proof",
      "@type": "@id",
      "@container": "@graph"
    },
    "DataIntegrityProof": {
      "@id": "https://w3id.org/security#DataIntegrityProof",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "challenge": "https://w3id.org/security#challenge",
        "created": {
          "@id": "http://purl.org/dc/terms/created",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "domain": "https://w3id.org/security#domain",
        "expires": {
          "@id": "https://w3id.org/security#expiration",
          "@type": "http://www.w3.org/2001/XMLSchema#dateTime"
        },
        "nonce": "https://w3id.org/security#nonce",
        "previousProof": {
          "@id": "https://w3id.org/security#previousProof",
          "@type": "@id"
        },
        "proofPurpose": {
          "@id": "https://w3id.org/security#proofPurpose",
          "@type": "@vocab",
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "assertionMethod": {
              "@id": "https://w3id.org/security#assertionMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "authentication": {
              "@id": "https://w3id.org/security#authenticationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityInvocation": {
              "@id": "https://w3id.org/security#capabilityInvocationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "capabilityDelegation": {
              "@id": "https://w3id.org/security#capabilityDelegationMethod",
              "@type": "@id",
              "@container": "@set"
            },
            "keyAgreement": {
              "@id": "https://w3id.org/security#keyAgreementMethod",
              "@type": "@id",
              "@container": "@set"
            }
          }
        },
        "cryptosuite": {
          "@id": "https://w3id.org/security#cryptosuite",
          "@type": "https://w3id.org/security#cryptosuiteString"
        },
        "proofValue": {
          "@id": "https://w3id.org/security#proofValue",
          "@type": "https://w3id.org/security#multibase"
        },
        "verificationMethod": {
          "@id": "https://w3id.org/security#verificationMethod",
          "@type": "@id"
        }
      }
    }
  }
}
`],["https://www.w3.org/ns/did/v1",`{
  "@context": {
    "@protected": true,
    "id": "@id",
    "type": "@type",
    "alsoKnownAs": {
      "@id": "https://www.w3.org/ns/activitystreams#alsoKnownAs",
      "@type": "@id"
    },
    "assertionMethod": {
      "@id": "https://w3id.org/security#assertionMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "authentication": {
      "@id": "https://w3id.org/security#authenticationMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "capabilityDelegation": {
      "@id": "https://w3id.org/security#capabilityDelegationMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "capabilityInvocation": {
      "@id": "https://w3id.org/security#capabilityInvocationMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "controller": {
      "@id": "https://w3id.org/security#controller",
      "@type": "@id"
    },
    "keyAgreement": {
      "@id": "https://w3id.org/security#keyAgreementMethod",
      "@type": "@id",
      "@container": "@set"
    },
    "service": {
      "@id": "https://www.w3.org/ns/did#service",
      "@type": "@id",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "serviceEndpoint": {
          "@id": "https://www.w3.org/ns/did#serviceEndpoint",
          "@type": "@id"
        }
      }
    },
    "verificationMethod": {
      "@id": "https://w3id.org/security#verificationMethod",
      "@type": "@id"
    }
  }
}
`],["https://www.w3.org/ns/credentials/status/v1",`{
  "@context": {
    "@protected": true,
    "id": "@id",
    "type": "@type",
    "BitstringStatusListCredential": "https://www.w3.org/ns/credentials/status#BitstringStatusListCredential",
    "BitstringStatusList": {
      "@id": "https://www.w3.org/ns/credentials/status#BitstringStatusList",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "encodedList": {
          "@id": "https://www.w3.org/ns/credentials/status#encodedList",
          "@type": "https://w3id.org/security#multibase"
        },
        "statusPurpose": "https://www.w3.org/ns/credentials/status#statusPurpose",
        "ttl": "https://www.w3.org/ns/credentials/status#ttl"
      }
    },
    "BitstringStatusListEntry": {
      "@id": "https://www.w3.org/ns/credentials/status#BitstringStatusListEntry",
      "@context": {
        "@protected": true,
        "id": "@id",
        "type": "@type",
        "statusListCredential": {
          "@id": "https://www.w3.org/ns/credentials/status#statusListCredential",
          "@type": "@id"
        },
        "statusListIndex": "https://www.w3.org/ns/credentials/status#statusListIndex",
        "statusPurpose": "https://www.w3.org/ns/credentials/status#statusPurpose",
        "statusMessage": {
          "@id": "https://www.w3.org/ns/credentials/status#statusMessage",
          "@context": {
            "@protected": true,
            "id": "@id",
            "type": "@type",
            "message": "https://www.w3.org/ns/credentials/status#message",
            "status": "https://www.w3.org/ns/credentials/status#status"
          }
        },
        "statusReference": {
          "@id": "https://www.w3.org/ns/credentials/status#statusReference",
          "@type": "@id"
        },
        "statusSize": {
          "@id": "https://www.w3.org/ns/credentials/status#statusSize",
          "@type": "https://www.w3.org/2001/XMLSchema#integer"
        }
      }
    }
  }
}
`]]);function cr(e){return Io.has(e)}function xf(e){return JSON.parse(Io.get(e))}function hn(e,n=[]){if(Array.isArray(e))e.forEach(t=>hn(t,n));else if(e&&typeof e=="object")for(let[t,r]of Object.entries(e))t==="@context"?Ef(r,n):hn(r,n);return n}function Ef(e,n){typeof e=="string"?n.push(e):Array.isArray(e)?e.forEach(t=>Ef(t,n)):e&&typeof e=="object"&&hn(e,n)}var Sf=2e4,r0="https://www.w3.org/ns/did/v1",If="https://w3id.org/security/multikey/v1",Tf="z6Mk";function gn(e){return String(e).split("#")[0]}function lr(e){return typeof e=="string"&&/^did:(web|key):./.test(e)?e.split(":",2).join(":"):""}function Bt(e){let n=typeof e=="string"?gn(e).split(":"):[];if(n.length<3||n[0]!=="did"||n[1]!=="web"||!n[2])return null;let t,r;try{t=decodeURIComponent(n[2]),r=n.slice(3).map(decodeURIComponent)}catch{return null}if(!/^[a-z0-9.-]+(:[0-9]{1,5})?$/i.test(t)||r.some(s=>!s||s==="."||s===".."||/[/?#\\]/.test(s)))return null;let i=r.length?r.map(encodeURIComponent).join("/")+"/did.json":".well-known/did.json";return{host:t.toLowerCase(),url:`https://${t.toLowerCase()}/${i}`}}async function i0(e){let n=e.slice(8);if(!n.startsWith(Tf)||!await Af(n))return null;let t=`${e}#${n}`;return{"@context":[r0,If],id:e,verificationMethod:[{id:t,type:"Multikey",controller:e,publicKeyMultibase:n}],assertionMethod:[t],authentication:[t]}}async function Af(e){if(typeof e!="string"||!e.startsWith(Tf))return!1;try{return(await Rt({publicKeyMultibase:e})).publicKey?.length===32}catch{return!1}}async function s0(e,n,t){let r=d=>Array.isArray(d)?d:[],i=r(e?.assertionMethod);if(!i.map(d=>typeof d=="string"?d:d?.id).includes(t))return null;let a=[...r(e.verificationMethod),...i.filter(d=>d&&typeof d=="object")].find(d=>d&&typeof d=="object"&&d.id===t&&d.controller===n);return!a||!await Af(a.publicKeyMultibase)?null:{"@context":If,id:t,type:"Multikey",controller:n,publicKeyMultibase:a.publicKeyMultibase}}function kf({fetch:e,issuer:n="",documents:t=[]}){let r=new Set(t),i=Bt(n)?.url??"",s=new Map,o=new Map;function a(l){return!r.has(l)&&l!==i?Promise.resolve({url:l,reason:"not-allowed",message:`${l} is not fetched: the check asks no one but the issuer's own host`}):(s.has(l)||s.set(l,d(l)),s.get(l))}async function d(l){let p,y;try{if(p=await Reflect.apply(e,globalThis,[l,{credentials:"omit",cache:"no-store",signal:AbortSignal.timeout(Sf)}]),!p.ok)return{url:l,reason:`http-${p.status}`,message:`${l} could not be fetched: the server answered HTTP ${p.status}`};y=await p.text()}catch(w){return w?.name==="TimeoutError"?{url:l,reason:"timeout",message:`${l} did not answer within ${Sf/1e3} seconds`}:{url:l,reason:"network-or-cors",message:`${l} could not be fetched (offline, or its server does not allow cross-origin requests: CORS): ${w?.message??w}`}}let g;try{g=JSON.parse(y)}catch{g=null}return!g||typeof g!="object"||Array.isArray(g)?{url:l,reason:"not-json",message:`${l} did not answer with a JSON object`}:{url:l,document:g,fetchedAt:new Date().toISOString()}}function c(l){return o.has(l)||o.set(l,u(l)),o.get(l)}async function u(l){if(l.startsWith("did:key:")){let g=await i0(l);return g?{document:g,url:""}:{reason:"invalid-did",message:`${l} is not a did:key of an Ed25519 public key`}}if(!l.startsWith("did:web:"))return{reason:"unsupported-did",message:`${l} is neither a did:web nor a did:key`};if(l!==n)return{reason:"not-the-issuer",message:`${l} is not the issuer's DID, and the verifier fetches no DID document but the issuer's`};let p=Bt(l);if(!p)return{reason:"invalid-did",message:`${l} is not a well-formed did:web`};let y=await a(p.url);return y.document?y.document.id!==l?{url:p.url,reason:"not-did-document",message:`${p.url} is not the DID document of ${l}`}:{document:y.document,url:p.url}:{...y,url:p.url}}async function h(l){if(typeof l!="string")return null;let p=gn(l);if(p.startsWith("did:key:")&&l!==p&&l!==`${p}#${p.slice(8)}`)return null;let y=await c(p),g=p.startsWith("did:key:")?`${p}#${p.slice(8)}`:l;return y.document?s0(y.document,p,g):null}async function f(l){if(cr(l))return{contextUrl:null,documentUrl:l,document:xf(l),tag:"static"};if(typeof l=="string"&&l.startsWith("did:")){let p=gn(l);if(l===p){let g=await c(p);if(!g.document)throw new Error(g.message);return{contextUrl:null,documentUrl:l,document:structuredClone(g.document)}}let y=await h(l);if(!y)throw new Error(`${l} is not an assertion key of ${p}`);return{contextUrl:null,documentUrl:l,document:y}}if(r.has(l)){let p=await a(l);if(!p.document)throw new Error(p.message);return{contextUrl:null,documentUrl:l,document:structuredClone(p.document)}}throw new Error(`${l} is not a standard context the verifier has, nor anything it may fetch; it never fetches contexts`)}return{fetchJson:a,resolveDid:c,keyFor:h,documentLoader:f}}var mn="ok",mt="failed",o0="not applicable",Pe="not checked",yn="proof",dr="issuer key",ur="dates",$t="status",wn="contexts",fr="eddsa-rdfc-2022",Ao="eddsa-jcs-2022",Df="https://w3id.org/credsite/ns/v1",ko=new Set(["issuer-unresolved","status-unavailable"]),Ce=e=>e!==null&&typeof e=="object"&&!Array.isArray(e),hi=e=>[...new Set(e)];function zt(e){let n=e.issuer,t=Ce(n)?n.id:n;return typeof t=="string"?t:""}function Rf(e){let n=e.proof;return Ce(n)?[n]:Array.isArray(n)?n:[]}function Of(e){return Rf(e).filter(n=>Ce(n)&&typeof n.verificationMethod=="string"&&n.verificationMethod).map(n=>n.verificationMethod)}function se(e,n,t,r,i){return{check:e,status:n,code:t,message:r,detail:i}}function gi(e,n,t){let r=n.filter(s=>!ko.has(s.code)),i=r.length?mt:Pe;return se(e,i,(r[0]??n[0]).code,n.map(s=>s.message).join("; "),t)}function pr(e){let n=[],t=(r,i)=>{if(!r||i>4)return;if(Array.isArray(r)){r.forEach(a=>t(a,i+1));return}let s=r.details?.event,o=r.message?String(r.message):String(r);s?.message&&(o+=` (${s.message}${s.details?.property?": "+s.details.property:""})`),n.some(a=>a.includes(o))||n.push(o),t(r.cause,i+1),t(r.errors,i+1)};return t(e,0),n.join("; ")}var a0=new RegExp("^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(Z|[+-]\\d{2}(?::?\\d{2}(?::?\\d{2}(?:\\.\\d{1,6})?)?)?)$");function Do(e){let n=typeof e=="string"?a0.exec(e):null;if(!n)return null;let[,t,r,i,s,o,a="0",d="",c]=n,u=Number((d+"000").slice(0,3)),h=Date.UTC(+t,+r-1,+i,+s,+o,+a,u),f=new Date(h);if(f.getUTCFullYear()!==+t||f.getUTCMonth()!==+r-1||f.getUTCDate()!==+i||+s>23||+o>59||+a>59)return null;if(c==="Z")return h;let l=c.slice(1).replace(/:/g,""),p=(Number(l.slice(0,2))*3600+Number(l.slice(2,4)||0)*60+Number(l.slice(4)||0))*1e3;return Number(l.slice(0,2))>23||Number(l.slice(2,4)||0)>59?null:c[0]==="+"?h-p:h+p}var c0=new RegExp("^-?\\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d+)?(Z|[+-](0\\d|1[0-3]):[0-5]\\d|[+-]14:00)?$");function l0(e){return typeof e!="string"||!c0.test(e)?!1:!/^\d{4}-/.test(e)||Do(/(Z|[+-]\d{2}:\d{2})$/.test(e)?e:e+"Z")!==null}function Nf(e,n){let t=e.validFrom,r=e.validUntil,i={validFrom:typeof t=="string"?t:"",validUntil:typeof r=="string"?r:"",now:new Date(n).toISOString()},s=Do(t),o=Do(r),a=(c,u)=>se(ur,mt,c,u,i);if(s===null)return a("dates","validFrom: missing or not a date-time with a time zone");if("validUntil"in e&&o===null)return a("dates","validUntil: not a date-time with a time zone");if(s>n)return a("not-yet-valid",`not yet valid: valid from ${t}`);if(o!==null&&o<=n)return a("expired",`expired on ${r}`);let d=o!==null?` until ${r}`:", with no end date";return se(ur,mn,"",`valid from ${t}${d}`,i)}function Lf(e){if(!("@context"in e))return se(wn,mt,"context","@context is missing, so no verifier can tell what the credential's terms mean",{unknown:[]});let n=hi(hn(e)).filter(r=>!cr(r));if(n.includes(Df))return se(wn,mt,"context",`${Df} is served nowhere, so no verifier can load it; its issuer can sign the credential again with credsite reissue`,{unknown:n});if(n.length)return se(wn,Pe,"context",`${n.join(", ")}: not a standard context; the verifier does not fetch contexts, so whether verifiers can load it is not known`,{unknown:n});let t=[e["@context"]].flat().some(Ce);return se(wn,mn,"","only standard contexts, which every verifier has"+(t?"; the rest is inline":""),{unknown:[]})}async function d0(e,n){if(!lr(e)){if(e.startsWith("did:")){let i=e.split(":")[1]||"(empty)";return{reason:"unsupported-did",finding:{code:"issuer-unresolved",message:`the issuer ${e} uses the DID method '${i}', which this verifier cannot resolve; it resolves did:web and did:key`}}}return{reason:"not-a-did",finding:{code:"bad-issuer",message:`the issuer ${e} is not a DID; this verifier checks credentials whose issuer is a did:web or a did:key`}}}let r=await n.resolveDid(e);return r.document?null:r.reason==="invalid-did"?{reason:r.reason,finding:{code:"bad-issuer",message:r.message}}:{reason:r.reason,finding:{code:"issuer-unresolved",message:`the DID document of the issuer ${e} cannot be had: ${r.message}`}}}async function jf(e,n){let t=zt(e),r=lr(t),i=r==="did:web"?Bt(t):null,s={did:t,method:r,host:i?.host??"",documentUrl:i?.url??""};if(!t)return gi(dr,[{code:"bad-issuer",message:"the credential names no issuer: issuer.id is missing"}],s);let o=[],a=await d0(t,n);a&&(o.push(a.finding),s.reason=a.reason);let d=hi(Of(e));for(let h of d.filter(f=>gn(f)!==t))o.push({code:"foreign-key",message:`signed with ${h}, a key that does not belong to the issuer ${t}`});if(!a){let h=s.documentUrl?`its DID document at ${s.documentUrl}`:"the did:key";for(let f of d.filter(l=>gn(l)===t))await n.keyFor(f)||o.push({code:"unknown-key",message:`unknown verification method ${f}: ${h} does not list it under assertionMethod`})}if(o.length)return gi(dr,o,s);let c=r==="did:key"?"a did:key, whose public key is the identifier itself":`listed under assertionMethod in its DID document at ${s.documentUrl}`,u=d.length?d.length===1?"the signing key is the issuer's: "+c:"the signing keys are the issuer's: "+c:"the issuer's DID resolves; no proof names a key";return se(dr,mn,"",u,s)}var u0="123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";function To(e){let n=0n;for(let r of e){let i=u0.indexOf(r);if(i<0)return-1;n=n*58n+BigInt(i)}let t=e.length-e.replace(/^1+/,"").length;for(;n>0n;n>>=8n)t++;return t}function f0(e){let n=[],t=(i,s,o)=>{let a=e[i];s.includes(a)||n.push(a===void 0?`${i} is missing`:o(JSON.stringify(a)))};t("type",["DataIntegrityProof"],i=>`type must be DataIntegrityProof, not ${i}`),t("cryptosuite",[fr,Ao],i=>`cryptosuite ${i} is not supported; expected ${fr} or ${Ao}`),t("proofPurpose",["assertionMethod"],i=>`proofPurpose must be assertionMethod, not ${i}`),"created"in e&&!l0(e.created)&&n.push(`created ${JSON.stringify(e.created)} is not an XML Schema dateTime`),(typeof e.verificationMethod!="string"||!e.verificationMethod)&&n.push("verificationMethod is missing");let r=e.proofValue;return typeof r!="string"||!r?n.push("proofValue is missing"):!r.startsWith("z")||To(r.slice(1))<0?n.push("proofValue must be base58btc multibase (a 'z' followed by base58 characters)"):To(r.slice(1))!==64&&n.push(`proofValue holds ${To(r.slice(1))} bytes; an Ed25519 signature has 64`),n}function p0(e){let n=t=>t&&(String(t.name).startsWith("jsonld.")||n(t.cause));return n(e)?"json-ld":e?.message==="Invalid signature."?"bad-signature":"bad-proof"}function Ro(e){return new jn({cryptosuite:e===fr?Cs:Id()})}function h0(){return[Ro(fr),Ro(Ao)]}async function Mf(e,n,t){let r=Rf(e),i=Ce(r[0])?r[0]:{},s={cryptosuite:typeof i.cryptosuite=="string"?i.cryptosuite:"",verificationMethod:typeof i.verificationMethod=="string"?i.verificationMethod:"",proofs:[]},o=(l,p)=>se(yn,mt,l,p,s);if(e.proof===void 0||e.proof===null)return o("bad-proof","the credential has no proof");if(!r.length||!r.every(Ce))return o("bad-proof","proof must be a proof object or a non-empty array of proof objects");let a=Of(e),d=await Promise.all(a.map(l=>n.keyFor(l)));if(a.length===r.length&&d.every(l=>!l))return se(yn,Pe,t.code||"unknown-key",`no key to check it with: ${hi(a).join(", ")} cannot be resolved (see issuer key)`,s);let c=Object.fromEntries(Object.entries(e).filter(([l])=>l!=="proof")),u=hi(hn(e)).filter(l=>!cr(l));if(u.length)return o("json-ld",`unknown JSON-LD context ${u[0]}: this verifier never fetches contexts; it has only the standard ones`);if(!r.some(l=>l.cryptosuite===fr))try{await Cs.canonize(c,{documentLoader:n.documentLoader})}catch(l){return o("json-ld",pr(l))}let h=[];for(let[l,p]of r.entries()){let y=r.length>1?`proof[${l}]`:"proof",g=await g0(p,r,c,n);s.proofs.push({cryptosuite:p.cryptosuite??"",verificationMethod:p.verificationMethod??"",status:g?mt:mn,code:g?.code??"",message:g?.message??""}),g&&(h.length||(s.cryptosuite=String(p.cryptosuite??""),s.verificationMethod=String(p.verificationMethod??"")),h.push({code:g.code,message:`${y}: ${g.message}`}))}if(h.length)return gi(yn,h,s);let f=r.map(l=>`${l.cryptosuite} by ${l.verificationMethod}`);return se(yn,mn,"",(f.length>1?`all ${f.length} proofs verify: `:"")+f.join("; "),s)}async function g0(e,n,t,r){let i=f0(e);if(i.length)return{code:"bad-proof",message:i.join("; ")};let s=e.verificationMethod;if(!await r.keyFor(s))return{code:"unknown-key",message:`unknown verification method ${s}`};let o={...t};if(e.previousProof!==void 0){let h=[e.previousProof].flat();if(!h.every(p=>typeof p=="string"))return{code:"bad-proof",message:"previousProof must be a proof id or an array of proof ids"};let f=n.filter(p=>h.includes(p.id)),l=h.find(p=>!f.some(y=>y.id===p));if(l!==void 0)return{code:"bad-proof",message:`previousProof ${JSON.stringify(l)} is not a proof of this document`};o={...t,proof:f}}let{verified:a,error:d}=await Ro(e.cryptosuite).verifyProof({proof:structuredClone(e),proofSet:structuredClone(n),document:structuredClone(o),documentLoader:r.documentLoader});if(a)return null;let c=p0(d),u=c==="bad-signature"?"the signature does not match the credential (it was changed after signing, or signed with another key)":pr(d);return{code:c,message:u}}function y0(e){if(!Ce(e)||e.type!=="BitstringStatusListEntry")return{problem:"credentialStatus: only BitstringStatusListEntry is supported",url:""};let n=typeof e.statusListCredential=="string"?e.statusListCredential:"";return typeof e.statusListIndex!="string"||!/^[0-9]+$/.test(e.statusListIndex)?{problem:'credentialStatus.statusListIndex: not a number (a string of digits such as "94567")',url:n}:typeof(e.statusPurpose??"revocation")!="string"?{problem:'credentialStatus.statusPurpose: not a purpose such as "revocation"',url:n}:{problem:"",url:n}}function Uf(e){return[e.credentialStatus??[]].flat().filter(Ce).map(n=>n.statusListCredential).filter(n=>typeof n=="string"&&n)}async function w0(e,n,t,r){let{problem:i,url:s}=y0(n),o=Ce(n)&&typeof n.statusPurpose=="string"?n.statusPurpose:"revocation",a={url:s,purpose:o,index:Ce(n)?String(n.statusListIndex??""):"",fetchedAt:""};if(i)return{detail:a,finding:{code:"status-invalid",message:i}};let d=await t.fetchJson(s);if(!d.document)return a.reason=d.reason,{detail:a,finding:{code:"status-unavailable",message:`credentialStatus: status list ${d.message}`}};a.fetchedAt=d.fetchedAt;let c=zt(e);if(zt(d.document)!==c)return{detail:a,finding:{code:"status-invalid",message:`credentialStatus: status list ${s} was not issued by ${c||"(no issuer)"}`}};if(r.detail.reason&&!["not-a-did","invalid-did"].includes(r.detail.reason))return a.reason=r.detail.reason,{detail:a,finding:{code:"status-unavailable",message:`credentialStatus: status list ${s} cannot be checked without the issuer's DID document`}};let h={...e,credentialStatus:{...n,statusPurpose:o}},f=await _f({credential:h,documentLoader:t.documentLoader,suite:h0(),verifyBitstringStatusListCredential:!0,verifyMatchingIssuers:!0});if(!f.verified)return{detail:a,finding:{code:"status-invalid",message:`credentialStatus: status list ${s}: `+pr(f.error)}};if(f.results?.[0]?.status===!0)return{detail:a,flagged:o};let l={revocation:"not revoked",suspension:"not suspended"}[o]??`${o} bit not set`;return{detail:a,fine:`${l} (index ${n.statusListIndex} of ${s})`}}async function Cf(e,n,t){let r=e.credentialStatus;if(r==null||Array.isArray(r)&&!r.length)return se($t,o0,"","the credential has no credentialStatus; it cannot be revoked",{url:"",purpose:"",fetchedAt:""});let i=[];for(let a of[r].flat())i.push(await w0(e,a,n,t));let s=i.filter(a=>a.finding).map(a=>a.finding),o=i.filter(a=>a.flagged);if(s.length&&!(o.length&&s.every(a=>ko.has(a.code)))){let a=i.find(d=>d.finding&&!ko.has(d.finding.code))??i.find(d=>d.finding);return gi($t,s,a.detail)}if(o.length){let a=o.find(c=>c.flagged==="revocation"),d=a??o[0];return se($t,mt,a?"revoked":"suspended",a?"revoked":"suspended",d.detail)}return se($t,mn,"",i.map(a=>a.fine).join("; "),i[0].detail)}var m0=["invalid","revoked","suspended","not yet valid","expired","not checked"],b0={"not-yet-valid":"not yet valid",expired:"expired"},v0={revoked:"revoked",suspended:"suspended"};function _0(e){return e.status===Pe?"not checked":e.status!==mt?"":(e.check===ur?b0:e.check===$t?v0:{})[e.code]??"invalid"}function Pf(e){let n=e.map(_0).filter(Boolean);return n.length?m0.find(t=>n.includes(t)):"valid"}var x0=[137,80,78,71,13,10,26,10],Oo="openbadgecredential",E0="https://purl.imsglobal.org/ob/v3p0";function Be(e,n){let t=new Error(n);return t.code=e,t}function S0(e){return e.length>=8&&x0.every((n,t)=>e[t]===n)}async function I0(e){let n=new Blob([e]).stream().pipeThrough(new DecompressionStream("deflate"));return new Uint8Array(await new Response(n).arrayBuffer())}async function T0(e){let n=new DataView(e.buffer,e.byteOffset,e.byteLength),t=new TextDecoder("latin1");for(let r=8;r+12<=e.length;){let i=n.getUint32(r),s=t.decode(e.subarray(r+4,r+8)),o=e.subarray(r+8,Math.min(r+8+i,e.length));if(s==="iTXt"&&t.decode(o.subarray(0,Oo.length+1))===Oo+"\0"){let a=o.subarray(Oo.length+1),d=a[0]===1;a=a.subarray(2);for(let c=0;c<2;c++){let u=a.indexOf(0);if(u<0)return null;a=a.subarray(u+1)}return d?I0(a):a}if(s==="IEND")break;r+=12+i}return null}function A0(e){if(typeof DOMParser!="function")throw Be("unsupported","reading an SVG badge needs a browser (DOMParser)");let n=new DOMParser().parseFromString(e,"image/svg+xml");if(n.getElementsByTagName("parsererror").length)return null;let r=n.getElementsByTagNameNS(E0,"credential")[0]?.textContent.trim();return r||null}function No(e,n){let t;try{t=JSON.parse(e)}catch(r){throw Be("not-json",`${n}is not valid JSON (${r.message})`)}if(t===null||typeof t!="object"||Array.isArray(t))throw Be("not-object",`${n}is JSON, but not a JSON object, so not a credential`);return t}function Bf(e){try{return new TextDecoder("utf-8",{fatal:!0}).decode(e)}catch{throw Be("unsupported","not a credential: a credential is a JSON file, or a badge image (PNG or SVG) with one baked in")}}async function yi(e,n){if(S0(e)){let t;try{t=await T0(e)}catch{t=null}if(!t)throw Be("no-credential","this PNG image carries no baked credential");return{credential:No(Bf(t),"the credential baked into this PNG image "),source:n??"png"}}return $f(Bf(e),n)}async function $f(e,n){let t=e.trim();if(t.startsWith("<")){let r=A0(t);if(!r)throw Be("no-credential","this SVG image carries no baked credential");return{credential:No(r,"the credential baked into this SVG image "),source:n??"svg"}}return{credential:No(t,""),source:n??"json"}}function k0(e){let n;try{n=new URL(e)}catch{return!1}return n.protocol==="https:"||n.protocol==="http:"&&["localhost","127.0.0.1","[::1]"].includes(n.hostname)}async function D0(e,n){let t;try{let r=await Reflect.apply(n,globalThis,[e,{credentials:"omit"}]);if(!r.ok)throw Be("fetch-failed",`${e} answered HTTP ${r.status}`);t=new Uint8Array(await r.arrayBuffer())}catch(r){throw r.code==="fetch-failed"?r:Be("fetch-failed",`${e} could not be fetched (offline, or its server does not allow cross-origin requests: CORS): ${r.message}`)}return yi(t,"url")}async function R0(e,{fetch:n=globalThis.fetch}={}){if(typeof e=="string"){let t=e.trim();if(/^https?:\/\//i.test(t)){if(!k0(t))throw Be("unsupported",`${t}: only https:// URLs (or http://localhost) can be fetched`);return D0(t,n)}return $f(t)}if(typeof Blob=="function"&&e instanceof Blob)return yi(new Uint8Array(await e.arrayBuffer()));if(e instanceof ArrayBuffer)return yi(new Uint8Array(e));if(ArrayBuffer.isView(e))return yi(new Uint8Array(e.buffer,e.byteOffset,e.byteLength));throw Be("unsupported","give a file, its bytes, JSON text or a URL")}var Qe=e=>typeof e=="string"?e:"",hr=e=>e!==null&&typeof e=="object"&&!Array.isArray(e);function O0(e){let n=zt(e),t=lr(n),r=t==="did:web"?Bt(n):null;return{id:n,name:hr(e.issuer)?Qe(e.issuer.name):"",method:t,host:r?.host??"",documentUrl:r?.url??""}}function N0(e){let n=hr(e.credentialSubject)?e.credentialSubject:{},t=[n.identifier??[]].flat().find(i=>hr(i)&&i.identityType==="name"&&i.hashed!==!0&&typeof i.identityHash=="string"),r=hr(n.achievement)?n.achievement:{};return{id:Qe(e.id),name:Qe(e.name)||Qe(r.name),validFrom:Qe(e.validFrom),validUntil:Qe(e.validUntil),subject:Qe(n.name)||Qe(t?.identityHash)||Qe(n.id)}}function L0(e){let n=Bt(zt(e));return Uf(e).filter(t=>{let r;try{r=new URL(t)}catch{return!1}return r.protocol==="https:"&&(!n||r.host===n.host)})}async function j0(e,n,t){let r=kf({fetch:n,issuer:zt(e),documents:L0(e)}),i=await jf(e,r),s=await Mf(e,r,i),o=Nf(e,t),a=await Cf(e,r,i),d=Lf(e);return[s,i,o,a,d]}function zf(e,n,t){return[{check:yn,status:e==="not-json-object"?"failed":Pe,code:e,message:n,detail:{cryptosuite:"",verificationMethod:"",proofs:[]}},{check:dr,status:Pe,code:e,message:n,detail:{did:"",method:"",host:"",documentUrl:""}},{check:ur,status:Pe,code:e,message:n,detail:{validFrom:"",validUntil:"",now:t}},{check:$t,status:Pe,code:e,message:n,detail:{url:"",purpose:"",fetchedAt:""}},{check:wn,status:Pe,code:e,message:n,detail:{unknown:[]}}]}async function ax(e,{fetch:n=globalThis.fetch,now:t=new Date}={}){let r=new Date(t),i=Number.isNaN(r.getTime())?Date.now():r.getTime(),s;if(!hr(e))s=zf("not-json-object","not a JSON object, so not a credential",new Date(i).toISOString()),e={};else try{s=await j0(e,n,i)}catch(o){s=zf("",`the verifier failed: ${pr(o)}`,new Date(i).toISOString())}return{verdict:Pf(s),issuer:O0(e),credential:N0(e),checks:s}}export{R0 as readCredential,ax as verify};
/*! Bundled license information:

@digitalbazaar/security-context/js/security-v1.js:
@digitalbazaar/security-context/js/security-v2.js:
@digitalbazaar/security-context/js/constants.js:
@digitalbazaar/security-context/js/index.js:
  (*!
   * Copyright (c) 2021 Digital Bazaar, Inc. All rights reserved.
   *)

jsonld-signatures/lib/constants.js:
jsonld-signatures/lib/contexts.js:
  (*!
   * Copyright (c) 2017-2023 Digital Bazaar, Inc. All rights reserved.
   *)

rdf-canonize/lib/platform-browser.js:
@digitalbazaar/eddsa-rdfc-2022-cryptosuite/lib/createVerifier.js:
@digitalbazaar/eddsa-rdfc-2022-cryptosuite/lib/name.js:
@digitalbazaar/eddsa-rdfc-2022-cryptosuite/lib/requiredAlgorithm.js:
@digitalbazaar/vc/lib/helpers.js:
  (*!
   * Copyright (c) 2023 Digital Bazaar, Inc. All rights reserved.
   *)

rdf-canonize/lib/MessageDigest-webcrypto.js:
rdf-canonize/lib/RDFC10.js:
rdf-canonize/lib/RDFC10Sync.js:
  (*!
   * Copyright (c) 2016-2023 Digital Bazaar, Inc. All rights reserved.
   *)

rdf-canonize/lib/Permuter.js:
rdf-canonize/lib/NQuads.js:
  (*!
   * Copyright (c) 2016-2022 Digital Bazaar, Inc. All rights reserved.
   *)

jsonld/lib/context.js:
  (* disallow aliasing @context and @preserve *)

jsonld/lib/frame.js:
  (* remove @preserve from results *)
  (**
   * Removes the @preserve keywords from expanded result of framing.
   *
   * @param input the framed, framed output.
   * @param options the framing options used.
   *
   * @return the resulting output.
   *)
  (* remove @preserve *)

jsonld/lib/jsonld.js:
  (**
   * A JavaScript implementation of the JSON-LD API.
   *
   * @author Dave Longley
   *
   * @license BSD 3-Clause License
   * Copyright (c) 2011-2022 Digital Bazaar, Inc.
   * All rights reserved.
   *
   * Redistribution and use in source and binary forms, with or without
   * modification, are permitted provided that the following conditions are met:
   *
   * Redistributions of source code must retain the above copyright notice,
   * this list of conditions and the following disclaimer.
   *
   * Redistributions in binary form must reproduce the above copyright
   * notice, this list of conditions and the following disclaimer in the
   * documentation and/or other materials provided with the distribution.
   *
   * Neither the name of the Digital Bazaar, Inc. nor the names of its
   * contributors may be used to endorse or promote products derived from
   * this software without specific prior written permission.
   *
   * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS
   * IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED
   * TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A
   * PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT
   * HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
   * SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED
   * TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR
   * PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF
   * LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
   * NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
   * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
   *)

jsonld-signatures/lib/documentLoader.js:
  (*!
   * Copyright (c) 2018-2021 Digital Bazaar, Inc. All rights reserved.
   *)

jsonld-signatures/lib/ProofSet.js:
jsonld-signatures/lib/purposes/ControllerProofPurpose.js:
base64url-universal/lib/base64url.js:
base64url-universal/lib/browser.js:
  (*!
   * Copyright (c) 2018-2022 Digital Bazaar, Inc. All rights reserved.
   *)

jsonld-signatures/lib/VerificationError.js:
@digitalbazaar/bitstring/lib/assertions.js:
  (*!
   * Copyright (c) 2020 Digital Bazaar, Inc. All rights reserved.
   *)

jsonld-signatures/lib/suites/LinkedDataProof.js:
  (*!
   * Copyright (c) 2018-2023 Digital Bazaar, Inc. All rights reserved.
   *)

jsonld-signatures/lib/suites/LinkedDataSignature.js:
  (*!
   * Copyright (c) 2017-2024 Digital Bazaar, Inc. All rights reserved.
   *)

jsonld-signatures/lib/suites.js:
jsonld-signatures/lib/purposes/ProofPurpose.js:
jsonld-signatures/lib/purposes/AssertionProofPurpose.js:
jsonld-signatures/lib/purposes/AuthenticationProofPurpose.js:
jsonld-signatures/lib/purposes.js:
  (*!
   * Copyright (c) 2018 Digital Bazaar, Inc. All rights reserved.
   *)

jsonld-signatures/lib/jsonld-signatures.js:
  (*!
   * Copyright (c) 2010-2023 Digital Bazaar, Inc. All rights reserved.
   *)

base58-universal/lib/index.js:
  (*!
   * Copyright (c) 2019-2022 Digital Bazaar, Inc. All rights reserved.
   *)

@digitalbazaar/data-integrity/lib/util.js:
  (*!
   * Copyright (c) 2022-2023 Digital Bazaar, Inc. All rights reserved.
   *)

@digitalbazaar/data-integrity/lib/DataIntegrityProof.js:
@digitalbazaar/ed25519-multikey/lib/constants.js:
@digitalbazaar/ed25519-multikey/lib/serialize.js:
@digitalbazaar/ed25519-multikey/lib/keyPairTranslationMap.js:
@digitalbazaar/vc-bitstring-status-list/lib/index.js:
  (*!
   * Copyright (c) 2022-2024 Digital Bazaar, Inc. All rights reserved.
   *)

@digitalbazaar/data-integrity/lib/index.js:
@digitalbazaar/ed25519-multikey/lib/validators.js:
@digitalbazaar/ed25519-multikey/lib/factory.js:
@digitalbazaar/ed25519-multikey/lib/keyPairTranslator.js:
  (*!
   * Copyright (c) 2022 Digital Bazaar, Inc. All rights reserved.
   *)

@digitalbazaar/eddsa-jcs-2022-cryptosuite/lib/canonize.js:
@digitalbazaar/eddsa-jcs-2022-cryptosuite/lib/createVerifier.js:
@digitalbazaar/eddsa-jcs-2022-cryptosuite/lib/name.js:
@digitalbazaar/eddsa-jcs-2022-cryptosuite/lib/requiredAlgorithm.js:
@digitalbazaar/vc-bitstring-status-list/lib/BitstringStatusList.js:
@digitalbazaar/vc-bitstring-status-list-context/js/context.js:
@digitalbazaar/vc-bitstring-status-list-context/js/index.js:
  (*!
   * Copyright (c) 2024 Digital Bazaar, Inc. All rights reserved.
   *)

@noble/ed25519/lib/esm/index.js:
  (*! noble-ed25519 - MIT License (c) 2019 Paul Miller (paulmillr.com) *)

@digitalbazaar/ed25519-multikey/lib/ed25519-browser.js:
  (*!
   * Copyright (c) 2020-2022 Digital Bazaar, Inc. All rights reserved.
   *)

@digitalbazaar/ed25519-multikey/lib/helpers.js:
  (*!
   * Copyright (c) 2020-2024 Digital Bazaar, Inc. All rights reserved.
   *)

@digitalbazaar/ed25519-multikey/lib/index.js:
@digitalbazaar/bitstring/lib/index.js:
  (*!
   * Copyright (c) 2020-2023 Digital Bazaar, Inc. All rights reserved.
   *)

@digitalbazaar/eddsa-jcs-2022-cryptosuite/lib/index.js:
  (*!
   * Copyright (c) 2024 Digital Bazaar, Inc. All rights reserved.
  *)

@digitalbazaar/eddsa-rdfc-2022-cryptosuite/lib/canonize.js:
@digitalbazaar/credentials-context/lib/undefined-terms-v2.js:
@digitalbazaar/credentials-context/lib/v2.js:
  (*!
   * Copyright (c) 2023-2024 Digital Bazaar, Inc. All rights reserved.
   *)

@digitalbazaar/eddsa-rdfc-2022-cryptosuite/lib/index.js:
  (*!
   * Copyright (c) 2023 Digital Bazaar, Inc. All rights reserved.
  *)

pako/dist/pako.esm.mjs:
  (*! pako 2.2.0 https://github.com/nodeca/pako @license (MIT AND Zlib) *)

@digitalbazaar/credentials-context/lib/v1.js:
@digitalbazaar/credentials-context/lib/index.js:
  (*!
   * Copyright (c) 2021-2024 Digital Bazaar, Inc. All rights reserved.
   *)

@digitalbazaar/vc/lib/contexts/index.js:
  (*!
   * Copyright (c) 2019-2024 Digital Bazaar, Inc. All rights reserved.
   *)

@digitalbazaar/vc/lib/documentLoader.js:
@digitalbazaar/vc/lib/CredentialIssuancePurpose.js:
  (*!
   * Copyright (c) 2019-2023 Digital Bazaar, Inc. All rights reserved.
   *)

@digitalbazaar/vc/lib/index.js:
  (**
   * A JavaScript implementation of Verifiable Credentials.
   *
   * @author Dave Longley
   * @author David I. Lehn
   *
   * @license BSD 3-Clause License
   * Copyright (c) 2017-2025 Digital Bazaar, Inc.
   * All rights reserved.
   *
   * Redistribution and use in source and binary forms, with or without
   * modification, are permitted provided that the following conditions are met:
   *
   * Redistributions of source code must retain the above copyright notice,
   * this list of conditions and the following disclaimer.
   *
   * Redistributions in binary form must reproduce the above copyright
   * notice, this list of conditions and the following disclaimer in the
   * documentation and/or other materials provided with the distribution.
   *
   * Neither the name of the Digital Bazaar, Inc. nor the names of its
   * contributors may be used to endorse or promote products derived from
   * this software without specific prior written permission.
   *
   * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS
   * IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED
   * TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A
   * PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT
   * HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
   * SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED
   * TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR
   * PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF
   * LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
   * NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
   * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
   *)
*/
/*! Licences of the packages bundled above:

@digitalbazaar/bitstring 3.1.0 (BSD-3-Clause)

Copyright (c) 2020, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

* Redistributions of source code must retain the above copyright notice, this
  list of conditions and the following disclaimer.

* Redistributions in binary form must reproduce the above copyright notice,
  this list of conditions and the following disclaimer in the documentation
  and/or other materials provided with the distribution.

* Neither the name of the copyright holder nor the names of its
  contributors may be used to endorse or promote products derived from
  this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

@digitalbazaar/credentials-context 3.2.0 (SEE LICENSE IN LICENSE.md)

Context data files in this repository are from the [vc-data-model][] spec and
are licensed by contributors under the [W3C Software and Document License][].

All other files are licensed under a BSD 3-Clause license:

```
BSD 3-Clause License

Copyright (c) 2019-2024, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

* Redistributions of source code must retain the above copyright notice, this
  list of conditions and the following disclaimer.

* Redistributions in binary form must reproduce the above copyright notice,
  this list of conditions and the following disclaimer in the documentation
  and/or other materials provided with the distribution.

* Neither the name of the copyright holder nor the names of its
  contributors may be used to endorse or promote products derived from
  this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
```

[vc-data-model]: https://github.com/w3c/vc-data-model
[W3C Software and Document License]: http://www.w3.org/Consortium/Legal/copyright-software

----

@digitalbazaar/data-integrity 2.5.0 (BSD-3-Clause)

BSD 3-Clause License

Copyright (c) 2022, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

@digitalbazaar/ed25519-multikey 1.3.1 (BSD-3-Clause)

BSD 3-Clause License

Copyright (c) 2022, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

@digitalbazaar/eddsa-jcs-2022-cryptosuite 1.0.0 (BSD-3-Clause)

BSD 3-Clause License

Copyright (c) 2024, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

@digitalbazaar/eddsa-rdfc-2022-cryptosuite 1.3.0 (BSD-3-Clause)

BSD 3-Clause License

Copyright (c) 2023, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

@digitalbazaar/security-context 1.0.1 (BSD-3-Clause)

BSD 3-Clause License

Copyright (c) 2021, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

@digitalbazaar/vc 7.3.0 (BSD-3-Clause)

BSD 3-Clause License

Copyright (c) 2017-2021, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

* Redistributions of source code must retain the above copyright notice, this
  list of conditions and the following disclaimer.

* Redistributions in binary form must reproduce the above copyright notice,
  this list of conditions and the following disclaimer in the documentation
  and/or other materials provided with the distribution.

* Neither the name of the copyright holder nor the names of its
  contributors may be used to endorse or promote products derived from
  this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

@digitalbazaar/vc-bitstring-status-list 2.0.1 (BSD-3-Clause)

Copyright (c) 2022-2024, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

* Redistributions of source code must retain the above copyright notice, this
  list of conditions and the following disclaimer.

* Redistributions in binary form must reproduce the above copyright notice,
  this list of conditions and the following disclaimer in the documentation
  and/or other materials provided with the distribution.

* Neither the name of the copyright holder nor the names of its
  contributors may be used to endorse or promote products derived from
  this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

@digitalbazaar/vc-bitstring-status-list-context 1.1.0 (BSD-3-Clause)

BSD 3-Clause License

Copyright (c) 2024, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

@noble/ed25519 1.7.5 (MIT)

The MIT License (MIT)

Copyright (c) 2019 Paul Miller (https://paulmillr.com)

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the “Software”), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED “AS IS”, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.

----

base58-universal 2.0.0 (BSD-3-Clause)

You may use the base58-universal project under the terms of the BSD License.

You are free to use this project in commercial projects as long as the
copyright header is left intact.

If you are a commercial entity and use this set of libraries in your
commercial software then reasonable payment to Digital Bazaar, if you can
afford it, is not required but is expected and would be appreciated. If this
library saves you time, then it's saving you money. We are attempting to strike
a balance between helping the development community while not being taken
advantage of by lucrative commercial entities for our efforts.

-------------------------------------------------------------------------------
New BSD License (3-clause)
Copyright (c) 2019-2020, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
    * Redistributions of source code must retain the above copyright
      notice, this list of conditions and the following disclaimer.
    * Redistributions in binary form must reproduce the above copyright
      notice, this list of conditions and the following disclaimer in the
      documentation and/or other materials provided with the distribution.
    * Neither the name of Digital Bazaar, Inc. nor the
      names of its contributors may be used to endorse or promote products
      derived from this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL DIGITAL BAZAAR BE LIABLE FOR ANY
DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
(INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.


-------------------------------------------------------------------------------
"baseN.js" includes code originally from the "base-x" project:
https://github.com/cryptocoinjs/base-x

The MIT License (MIT)

Copyright base-x contributors (c) 2016

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
DEALINGS IN THE SOFTWARE.

----

base64url-universal 2.0.0 (BSD-3-Clause)

You may use the base64url-universal project under the terms of the BSD License.

You are free to use this project in commercial projects as long as the
copyright header is left intact.

If you are a commercial entity and use this set of libraries in your
commercial software then reasonable payment to Digital Bazaar, if you can
afford it, is not required but is expected and would be appreciated. If this
library saves you time, then it's saving you money. We are attempting to strike
a balance between helping the development community while not being taken
advantage of by lucrative commercial entities for our efforts.

-------------------------------------------------------------------------------
New BSD License (3-clause)
Copyright (c) 2015-2019, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
    * Redistributions of source code must retain the above copyright
      notice, this list of conditions and the following disclaimer.
    * Redistributions in binary form must reproduce the above copyright
      notice, this list of conditions and the following disclaimer in the
      documentation and/or other materials provided with the distribution.
    * Neither the name of Digital Bazaar, Inc. nor the
      names of its contributors may be used to endorse or promote products
      derived from this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL DIGITAL BAZAAR BE LIABLE FOR ANY
DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
(INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

canonicalize 2.1.0 (Apache-2.0)

Apache License
                           Version 2.0, January 2004
                        http://www.apache.org/licenses/

   TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION

   1. Definitions.

      "License" shall mean the terms and conditions for use, reproduction,
      and distribution as defined by Sections 1 through 9 of this document.

      "Licensor" shall mean the copyright owner or entity authorized by
      the copyright owner that is granting the License.

      "Legal Entity" shall mean the union of the acting entity and all
      other entities that control, are controlled by, or are under common
      control with that entity. For the purposes of this definition,
      "control" means (i) the power, direct or indirect, to cause the
      direction or management of such entity, whether by contract or
      otherwise, or (ii) ownership of fifty percent (50%) or more of the
      outstanding shares, or (iii) beneficial ownership of such entity.

      "You" (or "Your") shall mean an individual or Legal Entity
      exercising permissions granted by this License.

      "Source" form shall mean the preferred form for making modifications,
      including but not limited to software source code, documentation
      source, and configuration files.

      "Object" form shall mean any form resulting from mechanical
      transformation or translation of a Source form, including but
      not limited to compiled object code, generated documentation,
      and conversions to other media types.

      "Work" shall mean the work of authorship, whether in Source or
      Object form, made available under the License, as indicated by a
      copyright notice that is included in or attached to the work
      (an example is provided in the Appendix below).

      "Derivative Works" shall mean any work, whether in Source or Object
      form, that is based on (or derived from) the Work and for which the
      editorial revisions, annotations, elaborations, or other modifications
      represent, as a whole, an original work of authorship. For the purposes
      of this License, Derivative Works shall not include works that remain
      separable from, or merely link (or bind by name) to the interfaces of,
      the Work and Derivative Works thereof.

      "Contribution" shall mean any work of authorship, including
      the original version of the Work and any modifications or additions
      to that Work or Derivative Works thereof, that is intentionally
      submitted to Licensor for inclusion in the Work by the copyright owner
      or by an individual or Legal Entity authorized to submit on behalf of
      the copyright owner. For the purposes of this definition, "submitted"
      means any form of electronic, verbal, or written communication sent
      to the Licensor or its representatives, including but not limited to
      communication on electronic mailing lists, source code control systems,
      and issue tracking systems that are managed by, or on behalf of, the
      Licensor for the purpose of discussing and improving the Work, but
      excluding communication that is conspicuously marked or otherwise
      designated in writing by the copyright owner as "Not a Contribution."

      "Contributor" shall mean Licensor and any individual or Legal Entity
      on behalf of whom a Contribution has been received by Licensor and
      subsequently incorporated within the Work.

   2. Grant of Copyright License. Subject to the terms and conditions of
      this License, each Contributor hereby grants to You a perpetual,
      worldwide, non-exclusive, no-charge, royalty-free, irrevocable
      copyright license to reproduce, prepare Derivative Works of,
      publicly display, publicly perform, sublicense, and distribute the
      Work and such Derivative Works in Source or Object form.

   3. Grant of Patent License. Subject to the terms and conditions of
      this License, each Contributor hereby grants to You a perpetual,
      worldwide, non-exclusive, no-charge, royalty-free, irrevocable
      (except as stated in this section) patent license to make, have made,
      use, offer to sell, sell, import, and otherwise transfer the Work,
      where such license applies only to those patent claims licensable
      by such Contributor that are necessarily infringed by their
      Contribution(s) alone or by combination of their Contribution(s)
      with the Work to which such Contribution(s) was submitted. If You
      institute patent litigation against any entity (including a
      cross-claim or counterclaim in a lawsuit) alleging that the Work
      or a Contribution incorporated within the Work constitutes direct
      or contributory patent infringement, then any patent licenses
      granted to You under this License for that Work shall terminate
      as of the date such litigation is filed.

   4. Redistribution. You may reproduce and distribute copies of the
      Work or Derivative Works thereof in any medium, with or without
      modifications, and in Source or Object form, provided that You
      meet the following conditions:

      (a) You must give any other recipients of the Work or
          Derivative Works a copy of this License; and

      (b) You must cause any modified files to carry prominent notices
          stating that You changed the files; and

      (c) You must retain, in the Source form of any Derivative Works
          that You distribute, all copyright, patent, trademark, and
          attribution notices from the Source form of the Work,
          excluding those notices that do not pertain to any part of
          the Derivative Works; and

      (d) If the Work includes a "NOTICE" text file as part of its
          distribution, then any Derivative Works that You distribute must
          include a readable copy of the attribution notices contained
          within such NOTICE file, excluding those notices that do not
          pertain to any part of the Derivative Works, in at least one
          of the following places: within a NOTICE text file distributed
          as part of the Derivative Works; within the Source form or
          documentation, if provided along with the Derivative Works; or,
          within a display generated by the Derivative Works, if and
          wherever such third-party notices normally appear. The contents
          of the NOTICE file are for informational purposes only and
          do not modify the License. You may add Your own attribution
          notices within Derivative Works that You distribute, alongside
          or as an addendum to the NOTICE text from the Work, provided
          that such additional attribution notices cannot be construed
          as modifying the License.

      You may add Your own copyright statement to Your modifications and
      may provide additional or different license terms and conditions
      for use, reproduction, or distribution of Your modifications, or
      for any such Derivative Works as a whole, provided Your use,
      reproduction, and distribution of the Work otherwise complies with
      the conditions stated in this License.

   5. Submission of Contributions. Unless You explicitly state otherwise,
      any Contribution intentionally submitted for inclusion in the Work
      by You to the Licensor shall be under the terms and conditions of
      this License, without any additional terms or conditions.
      Notwithstanding the above, nothing herein shall supersede or modify
      the terms of any separate license agreement you may have executed
      with Licensor regarding such Contributions.

   6. Trademarks. This License does not grant permission to use the trade
      names, trademarks, service marks, or product names of the Licensor,
      except as required for reasonable and customary use in describing the
      origin of the Work and reproducing the content of the NOTICE file.

   7. Disclaimer of Warranty. Unless required by applicable law or
      agreed to in writing, Licensor provides the Work (and each
      Contributor provides its Contributions) on an "AS IS" BASIS,
      WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or
      implied, including, without limitation, any warranties or conditions
      of TITLE, NON-INFRINGEMENT, MERCHANTABILITY, or FITNESS FOR A
      PARTICULAR PURPOSE. You are solely responsible for determining the
      appropriateness of using or redistributing the Work and assume any
      risks associated with Your exercise of permissions under this License.

   8. Limitation of Liability. In no event and under no legal theory,
      whether in tort (including negligence), contract, or otherwise,
      unless required by applicable law (such as deliberate and grossly
      negligent acts) or agreed to in writing, shall any Contributor be
      liable to You for damages, including any direct, indirect, special,
      incidental, or consequential damages of any character arising as a
      result of this License or out of the use or inability to use the
      Work (including but not limited to damages for loss of goodwill,
      work stoppage, computer failure or malfunction, or any and all
      other commercial damages or losses), even if such Contributor
      has been advised of the possibility of such damages.

   9. Accepting Warranty or Additional Liability. While redistributing
      the Work or Derivative Works thereof, You may choose to offer,
      and charge a fee for, acceptance of support, warranty, indemnity,
      or other liability obligations and/or rights consistent with this
      License. However, in accepting such obligations, You may act only
      on Your own behalf and on Your sole responsibility, not on behalf
      of any other Contributor, and only if You agree to indemnify,
      defend, and hold each Contributor harmless for any liability
      incurred by, or claims asserted against, such Contributor by reason
      of your accepting any such warranty or additional liability.

   END OF TERMS AND CONDITIONS

   APPENDIX: How to apply the Apache License to your work.

      To apply the Apache License to your work, attach the following
      boilerplate notice, with the fields enclosed by brackets "[]"
      replaced with your own identifying information. (Don't include
      the brackets!)  The text should be enclosed in the appropriate
      comment syntax for the file format. We also recommend that a
      file or class name and description of purpose be included on the
      same "printed page" as the copyright notice for easier
      identification within third-party archives.

   Copyright [yyyy] [name of copyright owner]

   Licensed under the Apache License, Version 2.0 (the "License");
   you may not use this file except in compliance with the License.
   You may obtain a copy of the License at

       http://www.apache.org/licenses/LICENSE-2.0

   Unless required by applicable law or agreed to in writing, software
   distributed under the License is distributed on an "AS IS" BASIS,
   WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   See the License for the specific language governing permissions and
   limitations under the License.

----

jsonld 9.0.0 (BSD-3-Clause)

You may use the jsonld.js project under the terms of the BSD License. 

You are free to use this project in commercial projects as long as the 
copyright header is left intact.

If you are a commercial entity and use this set of libraries in your
commercial software then reasonable payment to Digital Bazaar, if you can
afford it, is not required but is expected and would be appreciated. If this
library saves you time, then it's saving you money. The cost of developing
JSON-LD was on the order of several months of work and tens of
thousands of dollars. We are attempting to strike a balance between helping
the development community while not being taken advantage of by lucrative
commercial entities for our efforts.

-------------------------------------------------------------------------------
New BSD License (3-clause)
Copyright (c) 2010, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
    * Redistributions of source code must retain the above copyright
      notice, this list of conditions and the following disclaimer.
    * Redistributions in binary form must reproduce the above copyright
      notice, this list of conditions and the following disclaimer in the
      documentation and/or other materials provided with the distribution.
    * Neither the name of Digital Bazaar, Inc. nor the
      names of its contributors may be used to endorse or promote products
      derived from this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL DIGITAL BAZAAR BE LIABLE FOR ANY
DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
(INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

jsonld-signatures 11.6.0 (BSD-3-Clause)

BSD 3-Clause License
Copyright (c) 2010-2018 Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

* Redistributions of source code must retain the above copyright notice, this
  list of conditions and the following disclaimer.

* Redistributions in binary form must reproduce the above copyright notice,
  this list of conditions and the following disclaimer in the documentation
  and/or other materials provided with the distribution.

* Neither the name of the copyright holder nor the names of its
  contributors may be used to endorse or promote products derived from
  this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

lru-cache 6.0.0 (ISC)

The ISC License

Copyright (c) Isaac Z. Schlueter and Contributors

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR
IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.

----

pako 2.2.0 ((MIT AND Zlib))

(The MIT License)

Copyright (C) 2014-2017 by Vitaly Puzrin and Andrei Tuputcyn

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.

----

rdf-canonize 5.0.0 (BSD-3-Clause)

New BSD License (3-clause)
Copyright (c) 2016-2021, Digital Bazaar, Inc.
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
    * Redistributions of source code must retain the above copyright
      notice, this list of conditions and the following disclaimer.
    * Redistributions in binary form must reproduce the above copyright
      notice, this list of conditions and the following disclaimer in the
      documentation and/or other materials provided with the distribution.
    * Neither the name of Digital Bazaar, Inc. nor the
      names of its contributors may be used to endorse or promote products
      derived from this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL DIGITAL BAZAAR BE LIABLE FOR ANY
DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
(INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.

----

serialize-error 8.1.0 (MIT)

MIT License

Copyright (c) Sindre Sorhus <sindresorhus@gmail.com> (https://sindresorhus.com)

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

----

setimmediate 1.0.5 (MIT)

Copyright (c) 2012 Barnesandnoble.com, llc, Donavon West, and Domenic Denicola

Permission is hereby granted, free of charge, to any person obtaining
a copy of this software and associated documentation files (the
"Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish,
distribute, sublicense, and/or sell copies of the Software, and to
permit persons to whom the Software is furnished to do so, subject to
the following conditions:

The above copyright notice and this permission notice shall be
included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND,
EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION
OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.

----

yallist 4.0.0 (ISC)

The ISC License

Copyright (c) Isaac Z. Schlueter and Contributors

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted, provided that the above
copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES
WITH REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF
MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR
ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES
WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS, WHETHER IN AN
ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING OUT OF OR
IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
*/
